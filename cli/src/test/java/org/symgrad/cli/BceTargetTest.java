package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code bce_logits} target is a probability: a value outside [0, 1] is a data error naming
 * file, line and column, in {@code fit} as in {@code eval} (fit took it silently, and its loss
 * is unbounded below there); soft labels inside [0, 1] are fitted, as BCEWithLogitsLoss fits
 * them.
 */
class BceTargetTest {
  private static final String SAMPLE = "../samples/logistic/exams.sg";

  @TempDir
  Path folder;

  @Test
  void aTargetOutsideZeroToOneIsADataErrorInFit() throws Exception {
    CommandRun run = CommandRun.of("fit", examsWithData("exam1,exam2,admitted\n1,2,0\n1,2,2\n"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("data.csv:3:5: error: '2' in column 'admitted' is not a "
        + "probability: bce_logits needs a target from 0 to 1");
    CommandRun negative = CommandRun.of("fit",
        examsWithData("exam1,exam2,admitted\n1,2,-0.5\n"));
    assertThat(negative.err()).contains("data.csv:2:5: error: '-0.5' in column 'admitted'");
  }

  @Test
  void aTargetOutsideZeroToOneIsADataErrorInEval() throws Exception {
    Path fitted = folder.resolve("fit.json");
    CommandRun fit = CommandRun.of("fit", SAMPLE, "--epochs", "5", "--quiet", "--save",
        fitted.toString());
    assertThat(fit.exitCode()).isEqualTo(0);
    Path data = folder.resolve("bad.csv");
    Files.writeString(data, "exam1,exam2,admitted\n1,2,0\n1,2,2\n");

    CommandRun run = CommandRun.of("eval", SAMPLE, "--init", fitted.toString(), "--data",
        data.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("bad.csv:3:5: error: '2' in column 'admitted' is not a "
        + "probability");
  }

  @Test
  void softLabelsAreFitted() throws Exception {
    CommandRun run = CommandRun.of("fit", examsWithData(
        "exam1,exam2,admitted\n1,2,0.25\n-1,0,0.75\n0,1,1\n2,-1,0\n1,1,0.5\n"), "--epochs", "10",
        "--json");

    assertThat(run.exitCode()).isEqualTo(0);
  }

  private String examsWithData(String csv) throws Exception {
    Path model = folder.resolve("exams.sg");
    Files.writeString(model, Files.readString(Path.of(SAMPLE))
        .replace("data    exams.csv", "data    data.csv"));
    Files.writeString(folder.resolve("data.csv"), csv);
    return model.toString();
  }
}
