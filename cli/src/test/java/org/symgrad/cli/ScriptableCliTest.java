package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a script uses it: with {@code --json} standard output is one JSON document
 * and nothing else; {@code --quiet}; {@code --history}; {@code --version} from the build;
 * shell completion; exit codes in {@code --help}.
 */
class ScriptableCliTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;

  @TempDir
  Path folder;

  @Test
  void fitJsonStdoutIsOneDocumentThatPythonReads() throws Exception {
    CommandRun run = CommandRun.of("fit", MODEL, "--epochs", "1200", "--json");
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.err()).contains("Epoch 1,"); // the log went to standard error

    Process python = new ProcessBuilder("python3", "-m", "json.tool").start();
    python.getOutputStream().write(run.out().getBytes(StandardCharsets.UTF_8));
    python.getOutputStream().close();
    String formatted = new String(python.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertWithMessage(formatted).that(python.exitValue()).isEqualTo(0);
    assertThat(formatted).contains("\"train_loss\"");
  }

  @Test
  void everyJsonCommandPrintsOneDocument() throws Exception {
    Path save = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "10", "--save", save.toString(),
        "--quiet").exitCode()).isEqualTo(0);
    List<CommandRun> runs = List.of(
        CommandRun.of("fit", MODEL, "--epochs", "600", "--json"),
        CommandRun.of("eval", MODEL, "--init", save.toString(), "--json"),
        CommandRun.of("grad", "x^2 * y", "--at", "x=1,y=2", "--json"),
        CommandRun.of("bench", MODEL, "--epochs", "10", "--warmup", "0", "--runs", "1",
            "--json"));
    for (CommandRun run : runs) {
      assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
      assertWithMessage(run.out()).that(run.out().strip().lines().count()).isEqualTo(1);
      assertThat(Json.mapper().readTree(run.out()).isObject()).isTrue();
    }
  }

  @Test
  void quietPrintsOnlyTheResult() {
    CommandRun run = CommandRun.of("fit", MODEL, "--epochs", "1200", "--quiet");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).doesNotContain("Epoch");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("stopped: completed after 1200 epochs");
    for (String command : List.of("grad", "emit", "check", "bench", "predict", "eval")) {
      assertWithMessage(command).that(CommandRun.of(command, "--help").out())
          .contains("--quiet");
    }
  }

  @Test
  void historyIsOneRecordAnEpochAsCsvOrJsonLines() throws Exception {
    Path csv = folder.resolve("history.csv");
    Path jsonl = folder.resolve("history.jsonl");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "7", "--history", csv.toString(),
        "--quiet", "--scheduler", "StepLR:step_size=2,gamma=0.5").exitCode()).isEqualTo(0);
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "7", "--history", jsonl.toString(),
        "--quiet", "--val-fraction", "0").exitCode()).isEqualTo(0);

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("epoch,train_loss,val_loss,lr");
    assertThat(lines).hasSize(8);
    assertThat(lines.get(1)).startsWith("1,");
    assertThat(lines.get(7)).startsWith("7,");
    String[] first = lines.get(1).split(",");
    String[] last = lines.get(7).split(",");
    assertThat(Double.parseDouble(first[2])).isGreaterThan(0.0); // a validation loss
    assertThat(Double.parseDouble(last[3])).isLessThan(Double.parseDouble(first[3]));

    List<String> records = Files.readAllLines(jsonl);
    assertThat(records).hasSize(7);
    JsonNode record = Json.mapper().readTree(records.get(6));
    assertThat(record.get("epoch").asInt()).isEqualTo(7);
    assertThat(record.get("val_loss").isNull()).isTrue();
    assertThat(record.get("lr").asDouble()).isEqualTo(0.01);
    assertThat(record.get("train_loss").isNumber()).isTrue();
  }

  @Test
  void versionComesFromTheBuild() {
    CommandRun run = CommandRun.of("--version");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out().strip()).matches("symgrad \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void helpListsTheExitCodes() {
    String help = CommandRun.of("--help").out();
    assertThat(help).contains("Exit codes:");
    assertThat(help).contains("2   bad input");
    assertThat(help).contains("3   training diverged");
  }

  @Test
  void completionScriptNamesTheCommands() {
    CommandRun run = CommandRun.of("generate-completion");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("complete -F");
    for (String command : List.of("fit", "predict", "eval", "grad", "emit", "check", "bench")) {
      assertThat(run.out()).contains(command);
    }
  }
}
