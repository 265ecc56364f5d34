package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LocalNamesTest {
  private final LocalNames names = new LocalNames();

  @Test
  void aTakenNameGetsUnderscoresUntilItIsFree() {
    names.fixed("rows");
    assertThat(names.allocate("rows")).isEqualTo("rows_");
    assertThat(names.allocate("rows")).isEqualTo("rows__");
    assertThat(names.allocate("w")).isEqualTo("w");
  }

  @Test
  void keywordsAndTheUnderscoreBecomeIdentifiers() {
    assertThat(names.allocate("int")).isEqualTo("int_");
    assertThat(names.allocate("null")).isEqualTo("null_");
    assertThat(names.allocate("_")).isEqualTo("__");
    assertThat(names.allocate("var")).isEqualTo("var_");
  }

  @Test
  void namesThatWouldShadowQualifiersAreAvoided() {
    assertThat(names.allocate("Math")).isEqualTo("Math_");
    assertThat(names.allocate("Functions")).isEqualTo("Functions_");
    assertThat(names.allocate("Double")).isEqualTo("Double_");
  }

  @Test
  void whatJavaCannotNameIsReplaced() {
    assertThat(names.allocate("t-u")).isEqualTo("t_u");
    assertThat(names.allocate("2x")).isEqualTo("_2x");
  }

  @Test
  void fixedNamesMustBeFreeAndValid() {
    names.fixed("grad");
    assertThrows(IllegalStateException.class, () -> names.fixed("grad"));
    assertThrows(IllegalStateException.class, () -> names.fixed("int"));
  }
}
