package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.symgrad.runtime.Initializer;

/**
 * A null name or initializer is named at the call: a null name failed inside the name
 * pattern's matcher ("Cannot invoke CharSequence.length() because this.text is null"), a
 * null initializer inside the model package's rules.
 */
class NullNamesTest {
  @Test
  void aNullNameIsNamedByWhatItNames() {
    ModelBuilder m = new ModelBuilder("m");
    assertNamed(() -> m.input(null), "input name");
    assertNamed(() -> m.param(null, 1.0), "parameter name");
    assertNamed(() -> m.target(null), "target name");
    assertNamed(() -> Expr.variable(null), "variable name");
    assertNamed(() -> Index.of(null), "index name");
  }

  @Test
  void aNullInitializerIsNamed() {
    assertNamed(() -> new ModelBuilder("m").param("w", (Initializer) null), "initializer");
  }

  private static void assertNamed(Executable call, String message) {
    assertThat(assertThrows(NullPointerException.class, call)).hasMessageThat()
        .isEqualTo(message);
  }
}
