package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The IR's records whose equals and hashCode are written out (to spare the start-up the
 * method handles a record's own are linked with) give what a record's own would: each is
 * compared with a record of the same components, whose methods the JVM generates.
 */
class WrittenOutRecordMethodsTest {
  private record TempShape(int index, String label) {}

  private record AccumulatorShape(int index, String label, String derivative) {}

  @Test
  void aTemporaryHashesAndComparesAsARecord() {
    String[] labels = {"w", "pred", null};
    for (int index : new int[] {0, 7, -3}) {
      for (String label : labels) {
        Value.Temp temp = new Value.Temp(index, label);
        assertThat(temp.hashCode()).isEqualTo(new TempShape(index, label).hashCode());
        assertThat(temp).isEqualTo(new Value.Temp(index, label == null ? null : label + ""));
        assertThat(temp).isNotEqualTo(new Value.Temp(index + 1, label));
        assertThat(temp).isNotEqualTo(new Value.Temp(index, label == null ? "x" : null));
        assertThat(temp).isNotEqualTo(new TempShape(index, label));
      }
    }
  }

  @Test
  void anAccumulatorHashesAndComparesAsARecord() {
    String[] texts = {"loss", "2 * (w * t_u + b - t_c)", null};
    for (int index : new int[] {0, 2}) {
      for (String label : texts) {
        for (String derivative : texts) {
          Accumulator sum = new Accumulator(index, label, derivative);
          assertThat(sum.hashCode())
              .isEqualTo(new AccumulatorShape(index, label, derivative).hashCode());
          assertThat(sum).isEqualTo(new Accumulator(index, label, derivative));
          assertThat(sum).isNotEqualTo(new Accumulator(index + 1, label, derivative));
          assertThat(sum).isNotEqualTo(new Accumulator(index, label == null ? "x" : null,
              derivative));
          assertThat(sum).isNotEqualTo(new Accumulator(index, label,
              derivative == null ? "x" : null));
        }
      }
    }
  }
}
