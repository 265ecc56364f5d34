package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's defects 6, 7, 11, 12 and 13 where the command owns them: every option checked
 * before the first epoch and named; resuming honours or refuses --lr and --seed; limits end
 * in a message naming the input and the limit; checkpoints and model paths get messages
 * without Java's or Jackson's words.
 */
class BadOptionsTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;

  @TempDir
  Path folder;

  private static void assertBadInput(CommandRun run, String expected) {
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(expected);
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(run.out()).doesNotContain("Epoch");
  }

  @Test
  void aDecayFactorThatIsNotPositiveIsNamedBeforeTheFirstEpoch() {
    for (String gamma : List.of("-1", "NaN", "0", "Infinity")) {
      for (String scheduler : List.of("ExponentialLR", "StepLR:step_size=2,", "MultiStepLR:"
          + "milestones=[2],")) {
        String spec = scheduler.contains(":") ? scheduler + "gamma=" + gamma
            : scheduler + ":gamma=" + gamma;
        assertBadInput(CommandRun.of("fit", MODEL, "--scheduler", spec), "gamma=" + gamma
            + " must be a finite number above 0");
      }
    }
  }

  @Test
  void resumingAppliesAnExplicitLearningRateAndRefusesAnotherSeed() throws Exception {
    Path save = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "3", "--save", save.toString(),
        "--quiet", "--seed", "4").exitCode()).isEqualTo(0);

    assertBadInput(CommandRun.of("fit", MODEL, "--init", save.toString(), "--seed", "5"),
        "resumes a fit of seed 4");
    CommandRun same = CommandRun.of("fit", MODEL, "--init", save.toString(), "--seed", "4",
        "--epochs", "1", "--quiet");
    assertThat(same.exitCode()).isEqualTo(0);

    Path resumed = folder.resolve("resumed.json");
    CommandRun run = CommandRun.of("fit", MODEL, "--init", save.toString(), "--lr", "0.005",
        "--epochs", "1", "--save", resumed.toString(), "--json");
    assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("resuming with --lr 0.005 in place of the checkpoint's 0.01");
    JsonNode checkpoint = Json.mapper().readTree(Files.readString(resumed));
    assertThat(checkpoint.get("optimizer").get("lr").asDouble()).isEqualTo(0.005);
    assertThat(checkpoint.get("epoch").asInt()).isEqualTo(4);
  }

  @Test
  void emitRefusesRestrictedIdentifiersAsClassNames() {
    for (String name : List.of("var", "record", "yield", "sealed", "permits", "class", "_")) {
      CommandRun run = CommandRun.of("emit", MODEL, "--class", name);
      assertWithMessage(name).that(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--class '" + name + "'");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void aModelPathThatIsNotAFileSaysWhatItIs() throws Exception {
    assertBadInput(CommandRun.of("fit", folder.toString()), "is a directory, not a model file");
    assertBadInput(CommandRun.of("check", folder.resolve("none.sg").toString()),
        "no such model file");
  }

  @Test
  void brokenCheckpointsAreRefusedInPlainWords() throws Exception {
    Path save = folder.resolve("fit.json");
    assertThat(CommandRun.of("fit", MODEL, "--epochs", "3", "--save", save.toString(),
        "--quiet").exitCode()).isEqualTo(0);
    ObjectNode good = (ObjectNode) Json.mapper().readTree(Files.readString(save));
    Path bad = folder.resolve("bad.json");

    ObjectNode hugeEpoch = good.deepCopy();
    hugeEpoch.put("epoch", 1e12);
    Files.writeString(bad, Json.line(hugeEpoch));
    assertBadInput(CommandRun.of("fit", MODEL, "--init", bad.toString()),
        "\"epoch\" must be a whole number from 0 to 2147483647, not '1.0E12'");

    ObjectNode nullOptimizer = good.deepCopy();
    nullOptimizer.putNull("optimizer");
    Files.writeString(bad, Json.line(nullOptimizer));
    assertBadInput(CommandRun.of("fit", MODEL, "--init", bad.toString()),
        "\"optimizer\" must be an object, not 'null'");

    Files.writeString(bad, "{\"params\": {\"w\": 1,, }");
    CommandRun notJson = CommandRun.of("fit", MODEL, "--init", bad.toString());
    assertBadInput(notJson, bad + ":1:");
    assertThat(notJson.err()).contains("not valid JSON");
    assertThat(notJson.err()).doesNotContain("Source");
    assertThat(notJson.err()).doesNotContain("jackson");

    // A byte order mark is accepted, as in CSV files and model files.
    Files.write(bad, ("\uFEFF" + Json.line(good)).getBytes(StandardCharsets.UTF_8));
    assertThat(CommandRun.of("fit", MODEL, "--init", bad.toString(), "--epochs", "1",
        "--quiet").exitCode()).isEqualTo(0);
  }

  @Test
  void anEndlessLineOnGradsInputEndsWithItsLimit() {
    byte[] input = new byte[GradCommand.LONGEST_LINE + 10];
    java.util.Arrays.fill(input, (byte) 'x');
    CommandRun run = CommandRun.withInput(new String(input, StandardCharsets.US_ASCII), "grad",
        "-", "--json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("standard input:1: error: a line longer than 1048576 "
        + "characters");
  }

  @Test
  void gradTakesAByteOrderMarkLikeEveryOtherInput() throws Exception {
    CommandRun run = CommandRun.withInput("\uFEFFx^2\n", "grad", "-", "--at", "x=3",
        "--json");
    assertWithMessage(run.out()).that(run.exitCode()).isEqualTo(0);
    assertThat(Json.mapper().readTree(run.out()).get("gradient").get("x").asDouble())
        .isEqualTo(6.0);
  }

  @Test
  void gradRefusesAPointBeyondADoubleRatherThanRoundingIt() {
    for (String value : List.of("1e999", "-1e999", "1e-400", "0.0001e-9999", "0x1p-1080",
        "0x1p2000")) {
      assertBadInput(CommandRun.of("grad", "x^2", "--at", "x=" + value, "--json"),
          "x=" + value + " is ");
    }
  }

  @Test
  void gradTakesEveryDoubleAtItsWord() throws Exception {
    // Zero, the extremes and the named values are doubles as written: none is refused.
    for (String value : List.of("0", "-0.0", "0e-999", "0x0p5", "4.9e-324",
        "1.7976931348623157e308", "NaN", "Infinity", "-Infinity", "1.5d")) {
      CommandRun run = CommandRun.of("grad", "x^2", "--at", "x=" + value, "--json");
      assertWithMessage("%s: %s", value, run.err()).that(run.exitCode()).isEqualTo(0);
    }
  }

  @Test
  void benchRefusesMoreFitsThanItTimes() {
    assertBadInput(CommandRun.of("bench", MODEL, "--fits", "2000000"),
        "--fits 2000000: must be 1 to 1000000");
  }

  @Test
  void dataLinesNeverEchoAFile() throws Exception {
    Path secret = folder.resolve("secret.txt");
    Files.writeString(secret, "root:x:0:0:a-secret-that-is-longer-than-forty-characters:/root\n"
        + "daemon:x:1:1\n");
    Path model = folder.resolve("m.sg");
    Files.writeString(model, "data secret.txt\ninput t_u\ntarget t_c\nparam w = 1\n"
        + "model w * t_u\nloss mse\n");
    CommandRun run = CommandRun.of("fit", model.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("a-secret-that-is-longer-than-forty-characters:/root");
    assertThat(run.err()).doesNotContain("daemon");
  }

  @Test
  void hugeInputNoiseIsBlamedNotTheLearningRate() {
    CommandRun run = CommandRun.of("fit", MODEL, "--input-noise", "1e308", "--epochs", "5",
        "--quiet");
    assertThat(run.exitCode()).isEqualTo(Main.DIVERGED);
    assertThat(run.err()).contains("noise of standard deviation 1.0E308 each epoch "
        + "(--input-noise): try a smaller one");
  }

  @Test
  void checkOnANonFiniteLossSaysTheModelIsUndefinedThere() throws Exception {
    Path model = folder.resolve("m.sg");
    Files.writeString(model, "input t_u\ntarget t_c\nparam w = -1\nmodel log(w) * t_u\n"
        + "loss mse\n");
    CommandRun run = CommandRun.of("check", model.toString(), "--data",
        FitCommandTest.SAMPLES.resolve("thermometer.csv").toString(), "--quiet");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).startsWith("cannot check: the loss is not finite at the starting "
        + "parameters (loss NaN)");
    assertThat(run.out()).doesNotContain("a bug");
  }
}
