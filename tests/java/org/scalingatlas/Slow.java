package org.scalingatlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes seconds to minutes or needs a tool outside the JDK: load generation, fuzzing, a real
 * browser, a remote SPARQL server, a child JVM, crash recovery, time limits waited out, LaTeX. {@code mvn verify}
 * leaves these out so a developer's loop stays about a minute; {@code mvn -Pslow test} runs only these, and
 * {@code .ci/run} runs both (see docs/development.md, Tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
@net.jqwik.api.Tag("slow") // jqwik's engine reads its own tag, not Jupiter's
public @interface Slow {
}
