package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkBlockTest {
  private static ChunkBlock piece(int offset, double... values) {
    return new ChunkBlock(false, 2, offset, new double[][] {values, values.clone()});
  }

  @Test
  void piecesOfAChunkFromThreePartitionsJoinInRowOrderWhateverOrderTheyArriveIn() {
    ChunkBlock joined = ChunkBlock.join(List.of(piece(5, 5, 6), piece(0, 0, 1, 2),
        piece(3, 3, 4)));

    assertThat(joined.offset()).isEqualTo(0);
    assertThat(joined.chunk()).isEqualTo(2);
    assertThat(joined.columns()[0]).isEqualTo(new double[] {0, 1, 2, 3, 4, 5, 6});
    assertThat(joined.columns()[1]).isEqualTo(new double[] {0, 1, 2, 3, 4, 5, 6});
  }

  @Test
  void aGapBetweenPiecesIsABugAndSaysWhere() {
    IllegalStateException gap = assertThrows(IllegalStateException.class,
        () -> ChunkBlock.join(List.of(piece(0, 0, 1), piece(3, 3))));

    assertThat(gap).hasMessageThat().isEqualTo("chunk 2: a piece at 3 after rows 0..2");
  }
}
