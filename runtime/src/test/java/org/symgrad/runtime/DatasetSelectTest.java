package org.symgrad.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** select picks rows in the order asked, and names an index that is not a row. */
class DatasetSelectTest {
  private static final Dataset DATA = new Dataset(List.of("x", "y"),
      new double[][] {{1, 2, 3}, {10, 20, 30}});

  @Test
  void picksTheRowsInTheOrderAsked() {
    Dataset picked = DATA.select(new int[] {2, 0, 2});
    assertThat(picked.column("x")).usingExactEquality().containsExactly(3.0, 1.0, 3.0)
        .inOrder();
    assertThat(picked.column("y")).usingExactEquality().containsExactly(30.0, 10.0, 30.0)
        .inOrder();
  }

  @Test
  void anIndexPastTheRowsIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DATA.select(new int[] {0, 100}));
    assertThat(e).hasMessageThat()
        .isEqualTo("indices[1] = 100 is not a row of this data (rows 0..2)");
  }

  @Test
  void aNegativeIndexIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DATA.select(new int[] {-1}));
    assertThat(e).hasMessageThat().startsWith("indices[0] = -1 is not a row");
  }
}
