package org.symgrad.bench;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Dataset;

/** The benchmarks' copy of the thermometer is the sample's, model and data. */
class ThermometerCopyTest {
  private static final Path SAMPLE = Path.of("..", "samples", "thermometer");

  @Test
  void modelLowersToTheSampleFilesProgram() {
    assertThat(Symgrad.lower(ModelParser.parse(Thermometer.MODEL, "thermometer.sg")))
        .isEqualTo(Symgrad.lower(ModelParser.parseFile(SAMPLE.resolve("thermometer.sg"))));
  }

  @Test
  void dataIsTheSampleCsv() throws Exception {
    List<String> lines = Files.readAllLines(SAMPLE.resolve("thermometer.csv"));
    assertThat(lines.get(0)).isEqualTo("t_u,t_c");
    Dataset data = Thermometer.data();
    assertThat(data.rows()).isEqualTo(lines.size() - 1);
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",");
      assertThat(data.column("t_u")[r - 1]).isEqualTo(Double.parseDouble(cells[0]));
      assertThat(data.column("t_c")[r - 1]).isEqualTo(Double.parseDouble(cells[1]));
    }
  }

  @Test
  void syntheticDataIsSeeded() {
    // One seeded stream: a smaller data set is the first rows of a larger one, which fails if
    // the seed or the order of draws changes between calls.
    double[] large = LinearData.of(1000).column("t_u");
    assertThat(LinearData.of(100).column("t_u"))
        .isEqualTo(java.util.Arrays.copyOf(large, 100));
    assertThat(LinearData.forRows(11).column("t_c")).isEqualTo(Thermometer.data().column("t_c"));
  }
}
