package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;

/**
 * Generated sources, character for character, against checked-in files (the thermometer, and
 * a model whose sums are loops): any change to what users read shows up in review as a diff.
 */
class SourceGoldenTest {
  /** Set to true to rewrite the golden files from the current emitter instead of checking. */
  static final String UPDATE_PROPERTY = "symgrad.updateGolden";

  // Surefire runs in the module's folder, so this is the source tree, not target/.
  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/Symgrad_ThermometerNormalized.java");

  @Test
  void thermometerSourceMatchesTheGoldenFile() throws IOException {
    assertMatchesGolden(GOLDEN, SourceEmitter.emitText(
        Symgrad.lower(HandBuiltModels.thermometerNormalized()), "org.example",
        "Symgrad_ThermometerNormalized"));
  }

  // A model wide enough for its index sums to be loops, as readers will see them.
  @Test
  void loopsOfAWideModelMatchTheGoldenFile() throws IOException {
    assertMatchesGolden(GOLDEN.resolveSibling("Symgrad_Linear20.java"), SourceEmitter.emitText(
        Symgrad.lower(VectorModels.linear(20)), "org.example", "Symgrad_Linear20"));
  }

  private static void assertMatchesGolden(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8)
        : "(missing)";
    assertWithMessage("generated source differs from %s; if the change is intended, "
            + "regenerate it with: mvn -pl compiler -am verify -D%s=true "
            + "-Dtest=SourceGoldenTest -Dsurefire.failIfNoSpecifiedTests=false, "
            + "and review the diff", golden.toAbsolutePath(), UPDATE_PROPERTY)
        .that(actual).isEqualTo(expected);
  }
}
