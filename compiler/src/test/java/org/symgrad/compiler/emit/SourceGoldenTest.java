package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;

/**
 * The thermometer's generated source, character for character, against a checked-in file:
 * any change to what users read shows up in review as a diff of that file.
 */
class SourceGoldenTest {
  /** Set to true to rewrite the golden files from the current emitter instead of checking. */
  static final String UPDATE_PROPERTY = "symgrad.updateGolden";

  // Surefire runs in the module's folder, so this is the source tree, not target/.
  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/Symgrad_ThermometerNormalized.java");

  @Test
  void thermometerSourceMatchesTheGoldenFile() throws IOException {
    String actual = SourceEmitter.emitText(Symgrad.lower(HandBuiltModels.thermometerNormalized()),
        "org.example", "Symgrad_ThermometerNormalized");
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8)
        : "(missing)";
    assertWithMessage("generated source differs from %s; if the change is intended, "
            + "regenerate it with: mvn -pl compiler -am verify -D%s=true "
            + "-Dtest=SourceGoldenTest -Dsurefire.failIfNoSpecifiedTests=false, "
            + "and review the diff", GOLDEN.toAbsolutePath(), UPDATE_PROPERTY)
        .that(actual).isEqualTo(expected);
  }
}
