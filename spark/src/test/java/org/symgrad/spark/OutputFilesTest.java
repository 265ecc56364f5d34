package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFilesTest {
  @Test
  void csvColumnsOfArrayParametersAreNamedByTheirRowMajorIndex() {
    assertThat(OutputFiles.index(List.of(3), 2)).isEqualTo("[2]");
    assertThat(OutputFiles.index(List.of(3, 4), 0)).isEqualTo("[0,0]");
    assertThat(OutputFiles.index(List.of(3, 4), 5)).isEqualTo("[1,1]");
    assertThat(OutputFiles.index(List.of(3, 4), 11)).isEqualTo("[2,3]");
  }

  @Test
  void theFormatIsTheExtensionsInAnyCase() {
    assertThat(OutputFiles.format("fits.CSV", "--out")).isEqualTo(OutputFiles.Format.CSV);
    assertThat(OutputFiles.format("s3://b/fits.parquet", "--out"))
        .isEqualTo(OutputFiles.Format.PARQUET);
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> OutputFiles.format("fits.json", "--out"));
    assertThat(other).hasMessageThat().isEqualTo("--out fits.json: expected a .csv or "
        + ".parquet path");
  }
}
