package org.scalingatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's native libraries copied out of its jar into a folder of the application's own: once, whole, and again
 * only when a copy is damaged. (Pointing the runtime at the folder is a process-wide property, so it is checked from
 * outside, by {@code LauncherIT}: a run leaves nothing in the temporary folder.)
 */
class OnnxNativesTest {

    @TempDir
    Path tmp;

    @Test
    void should_copy_both_libraries_into_a_folder_named_after_the_runtime_and_platform() throws IOException {
        assumeTrue(OnnxNatives.platform().isPresent(), "a platform ONNX Runtime's jar carries libraries for");
        Path folder = OnnxNatives.extract(tmp).orElseThrow();
        assertEquals(tmp, folder.getParent());
        assertTrue(folder.getFileName().toString().matches("onnxruntime-\\d+\\.\\d+\\.\\d+-" + OnnxNatives.platform().get()), folder.toString());
        for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
            Path file = folder.resolve(System.mapLibraryName(library));
            assertTrue(Files.size(file) > 10_000, file + " is a whole library");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "no partial copy is left beside them");
        }
    }

    @Test
    void should_leave_good_copies_alone_and_replace_a_damaged_one() throws IOException {
        assumeTrue(OnnxNatives.platform().isPresent(), "a platform ONNX Runtime's jar carries libraries for");
        Path folder = OnnxNatives.extract(tmp).orElseThrow();
        Path runtime = folder.resolve(System.mapLibraryName("onnxruntime"));
        Path jni = folder.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        long size = Files.size(runtime);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(jni, old);
        Files.write(runtime, new byte[] {1, 2, 3}); // cut short, as by a crash mid-copy before writes were atomic

        assertEquals(folder, OnnxNatives.extract(tmp).orElseThrow());
        assertEquals(size, Files.size(runtime), "the damaged copy is replaced");
        assertEquals(old, Files.getLastModifiedTime(jni), "the good copy is not written again");
    }
}
