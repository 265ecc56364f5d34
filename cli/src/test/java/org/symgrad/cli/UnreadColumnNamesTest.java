package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the columns the thermometer reads ({@code t_u}, and {@code t_c} where the target is
 * read) are held to the header's rules: a blank or repeated name elsewhere is an export's
 * habit, not an error (both were refused), while a read column named twice is refused,
 * since which one to read would be a guess.
 */
class UnreadColumnNamesTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;

  @TempDir
  Path folder;

  private List<String> rows;

  @BeforeEach
  void readTheSample() throws Exception {
    rows = Files.readAllLines(FitCommandTest.SAMPLES.resolve("thermometer.csv")).stream()
        .skip(1).filter(line -> !line.isBlank()).collect(Collectors.toList());
  }

  // The sample's rows under this header, each with these fields first.
  private Path data(String header, String before) throws Exception {
    Path file = folder.resolve("data.csv");
    StringBuilder text = new StringBuilder(header).append('\n');
    for (String row : rows) {
      text.append(before).append(row).append('\n');
    }
    Files.writeString(file, text);
    return file;
  }

  private static CommandRun fit(Path data) {
    return CommandRun.of("fit", MODEL, "--data", data.toString(), "--epochs", "50", "--json",
        "--quiet");
  }

  @Test
  void blankAndRepeatedNamesOfUnreadColumnsAreFitAsTheSample() throws Exception {
    CommandRun sample = fit(data("t_u,t_c", ""));
    assertThat(sample.exitCode()).isEqualTo(0);

    for (String header : List.of("id,id,t_u,t_c", ",,t_u,t_c", "id,,t_u,t_c")) {
      CommandRun run = fit(data(header, "7,x,"));
      assertWithMessage(header + ": " + run.err()).that(run.exitCode()).isEqualTo(0);
      assertWithMessage(header).that(run.out()).isEqualTo(sample.out());
    }
  }

  @Test
  void aReadColumnNamedTwiceIsRefusedAsAmbiguous() throws Exception {
    Path twice = data("t_u,id,t_u,t_c", "1,2,");
    CommandRun run = fit(twice);

    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(twice + ":1:8: error: column 't_u' appears twice in the "
        + "header, and it is read: which of the two to read would be ambiguous");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theTargetNamedTwiceIsRefusedWhereItIsRead() throws Exception {
    Path fitted = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "5", "--save", fitted.toString(),
        "--quiet").exitCode()).isEqualTo(0);
    Path twice = data("t_c,t_u,t_c", "3,");

    CommandRun eval = CommandRun.of("eval", MODEL, "--init", fitted.toString(), "--data",
        twice.toString());
    assertWithMessage(eval.err()).that(eval.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(eval.err()).contains(twice + ":1:9: error: column 't_c' appears twice");
    // predict does not read the target, so its name is as free as any unread column's.
    CommandRun predict = CommandRun.of("predict", MODEL, "--init", fitted.toString(), "--data",
        twice.toString());
    assertWithMessage(predict.err()).that(predict.exitCode()).isEqualTo(0);
    assertThat(predict.outLines()).hasSize(rows.size() + 1);
  }
}
