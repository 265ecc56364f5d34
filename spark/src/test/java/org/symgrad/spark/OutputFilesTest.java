package org.symgrad.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

class OutputFilesTest {
  @Test
  void csvColumnsOfArrayParametersAreNamedByTheirRowMajorIndex() {
    // The columns are named by ParameterInfo.elementName, as the model writes the elements.
    ParameterInfo vector = new ParameterInfo("v", List.of(3), 0, new Initializer.Constant(0));
    ParameterInfo matrix = new ParameterInfo("W", List.of(3, 4), 3, new Initializer.Constant(0));
    assertThat(vector.elementName(2)).isEqualTo("v[2]");
    assertThat(matrix.elementName(0)).isEqualTo("W[0,0]");
    assertThat(matrix.elementName(5)).isEqualTo("W[1,1]");
    assertThat(matrix.elementName(11)).isEqualTo("W[2,3]");
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
