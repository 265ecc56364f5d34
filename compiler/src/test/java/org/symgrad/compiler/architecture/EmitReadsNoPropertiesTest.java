package org.symgrad.compiler.architecture;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages after the front door take what they are told: no class of {@code lower} or
 * {@code emit} reads a system property or an environment variable; {@code
 * SystemProperties} reads them once a compile and passes an options value in.
 */
class EmitReadsNoPropertiesTest {
  private static final Path MAIN = Path.of("src/main/java/org/symgrad/compiler");

  @Test
  void lowerAndEmitReadNoSystemProperty() throws IOException {
    for (String stage : List.of("lower", "emit")) {
      try (Stream<Path> files = Files.walk(MAIN.resolve(stage))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String code = Files.readString(file, StandardCharsets.UTF_8)
              .replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
          for (String read : List.of("System.getProperty", "Boolean.getBoolean",
              "Integer.getInteger", "System.getenv")) {
            assertWithMessage(file + " reads " + read).that(code).doesNotContain(read);
          }
        }
      }
    }
  }
}
