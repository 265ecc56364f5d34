package org.symgrad.compiler.diagnostic;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue is one enum, and {@code docs/error-codes.md} is that enum as a table:
 * this test fails when they disagree. To rewrite the doc after changing the enum, run it with
 * {@code -Dsymgrad.writeDocs=true}.
 */
class ErrorCatalogueTest {
  private static final Path DOC = Path.of("..", "docs", "error-codes.md");

  @Test
  void theDocIsTheEnum() throws IOException {
    String expected = ErrorCodeTable.markdown();
    if (Boolean.getBoolean("symgrad.writeDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertWithMessage("%s is not the ErrorCode enum; rerun this test with"
        + " -Dsymgrad.writeDocs=true to regenerate it", DOC)
        .that(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void eachTagIsSgAndThreeDigitsUsedOnceAndInItsRange() {
    Set<String> ids = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.id()).matches("SG[1-6]\\d\\d");
      assertWithMessage("tag of %s", code).that(ids.add(code.id())).isTrue();
      assertWithMessage("summary of %s", code).that(code.summary()).isNotEmpty();
      assertWithMessage("summary of %s", code).that(code.summary()).doesNotContain("|");
    }
  }

  @Test
  void tagsAreInOrderSoTheTableReadsInOrder() {
    List<String> ids = Stream.of(ErrorCode.values()).map(ErrorCode::id).toList();
    assertThat(ids).isInStrictOrder();
  }

  /**
   * Each code is asserted by at least one test, by its tag ({@code "SG103"} or {@code
   * [SG103]}) or by its constant; a new code without a test fails here.
   */
  @Test
  void everyCodeIsAssertedBySomeTest() throws IOException {
    StringBuilder tests = new StringBuilder();
    for (Path root : List.of(Path.of("src", "test", "java"), Path.of("..", "cli", "src", "test"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          if (!file.endsWith("ErrorCatalogueTest.java")) {
            tests.append(Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
    }
    List<String> untested = new ArrayList<>();
    for (ErrorCode code : ErrorCode.values()) {
      String text = tests.toString();
      if (!text.contains("\"" + code.id() + "\"") && !text.contains("[" + code.id() + "]")
          && !text.contains("ErrorCode." + code.name())) {
        untested.add(code.id() + " " + code.name());
      }
    }
    assertThat(untested).isEmpty();
  }

  @Test
  void aDiagnosticPrintsItsTag() {
    Diagnostic d = new Diagnostic(ErrorCode.UNKNOWN_FUNCTION, "m.sg", 7, 8, 5,
        "unknown function 'sinh2'", "model  sinh2(w * t_u) + b", null);
    assertThat(d.code()).isEqualTo("SG103");
    assertThat(d.render()).isEqualTo("""
        m.sg:7:8: error [SG103] unknown function 'sinh2'
          model  sinh2(w * t_u) + b
                 ^^^^^""");
  }
}
