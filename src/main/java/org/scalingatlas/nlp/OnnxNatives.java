package org.scalingatlas.nlp;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries, kept in a folder of the application's own. Left to itself, ONNX Runtime copies them
 * out of its jar into a new temporary folder on every start and asks the JVM to delete that folder on exit before the
 * files in it; the JVM deletes in the reverse order, finds the folder not yet empty, and so every run leaves an empty
 * {@code onnxruntime-java…} folder in {@code /tmp}. Its maintainers' advice is to keep the libraries in a place of one's
 * own and name it with the {@value #PATH_PROPERTY} property, which also saves copying 16 MB on each start. The folder is
 * named after the runtime's jar (its version), so another version gets its own; a file is written beside its final
 * name and moved into place in one step, so two processes starting together never load half a library.
 */
final class OnnxNatives {

    /** The system property ONNX Runtime reads the folder of its native libraries from. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxNatives() {
    }

    /**
     * Points ONNX Runtime at its libraries copied under {@code parent}, unless something else already named a folder;
     * when they cannot be copied there (an unknown platform, a folder not writable), ONNX Runtime loads as it would alone.
     */
    static void keepIn(Path parent) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            extract(parent).ifPresent(folder -> System.setProperty(PATH_PROPERTY, folder.toString()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ONNX Runtime's native libraries could not be kept in {} ({}); it copies them to a temporary folder", parent, e.toString());
        }
    }

    /**
     * Copies this platform's libraries out of the runtime's jar into a folder under {@code parent} named after the jar,
     * unless a file of the same size is there already; empty when the jar has none for this platform.
     */
    static Optional<Path> extract(Path parent) throws IOException {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        Path folder = parent.resolve(runtimeName() + "-" + platform.get());
        for (String library : LIBRARIES) {
            String file = System.mapLibraryName(library);
            URL resource = OrtEnvironment.class.getResource("/ai/onnxruntime/native/" + platform.get() + "/" + file);
            if (resource == null) {
                return Optional.empty();
            }
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            Path target = folder.resolve(file);
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                continue;
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, file, ".partial");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return Optional.of(folder);
    }

    /** The folder name ONNX Runtime's jar uses for this machine ({@code linux-x64}, {@code osx-aarch64}, ...), if it has one. */
    static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : null;
        String machine = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return system == null || machine == null ? Optional.empty() : Optional.of(system + "-" + machine);
    }

    /** The runtime's jar without its extension ("onnxruntime-1.20.0"), or "onnxruntime" when it is not loaded from a jar. */
    private static String runtimeName() {
        try {
            Path jar = Path.of(OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = jar.getFileName().toString();
            return name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : "onnxruntime";
        } catch (URISyntaxException | RuntimeException e) {
            return "onnxruntime";
        }
    }
}
