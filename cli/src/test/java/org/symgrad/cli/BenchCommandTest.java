package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code symgrad bench}: the shape of its report and its refusals; never its timings. */
class BenchCommandTest {
  private static final String MODEL = FitCommandTest.NORMALIZED;
  // Few and short fits: these tests check what is printed, not how fast.
  private static final String[] QUICK = {"--epochs", "20", "--warmup", "0", "--runs", "3"};

  @TempDir
  Path folder;

  private static CommandRun bench(String... args) {
    String[] all = new String[args.length + QUICK.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(QUICK, 0, all, 1 + args.length, QUICK.length);
    return CommandRun.of(all);
  }

  @Test
  void jsonReportHasEveryKeyWithItsType() throws Exception {
    CommandRun run = bench(MODEL, "--json", "--threads", "2", "--fits", "3");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).hasSize(1);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("model").asText()).isEqualTo("thermometer");
    assertThat(result.get("rows").asInt()).isEqualTo(11);
    assertThat(result.get("parameters").asInt()).isEqualTo(2);
    assertThat(result.get("epochs").asInt()).isEqualTo(20);
    assertThat(result.get("threads").asInt()).isEqualTo(2);
    assertThat(result.get("chunked").asBoolean()).isTrue();
    assertThat(result.get("fits").asInt()).isEqualTo(3);
    assertThat(result.get("warmup_seconds").asDouble()).isEqualTo(0.0);
    assertThat(result.get("warmup_rounds").asInt()).isEqualTo(1); // at least one round
    assertThat(result.get("runs").asInt()).isEqualTo(3);
    assertThat(result.get("stopped").asText()).isEqualTo("completed");
    for (String key : List.of("ns_per_epoch", "ns_per_epoch_min", "ns_per_epoch_max",
        "ms_per_fit", "fits_per_second", "compile_ms")) {
      assertThat(result.get(key).isNumber()).isTrue();
      assertThat(result.get(key).asDouble()).isGreaterThan(0.0);
    }
    double median = result.get("ns_per_epoch").asDouble();
    assertThat(median).isAtLeast(result.get("ns_per_epoch_min").asDouble());
    assertThat(median).isAtMost(result.get("ns_per_epoch_max").asDouble());
  }

  @Test
  void textReportNamesTheMedian() {
    CommandRun run = bench(MODEL);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).isEqualTo("bench thermometer: 11 rows, 2 parameters, "
        + "20 epochs per fit, 1 thread, 1 warm-up and 3 timed rounds");
    assertThat(run.out()).containsMatch("ns_per_epoch    = [0-9]+\\.[0-9] \\(median; min ");
    assertThat(run.out()).contains("fits_per_second = ");
  }

  @Test
  void withoutOptionsOneFitRunsItsOneLoop() throws Exception {
    JsonNode result = Json.mapper().readTree(bench(MODEL, "--json").lastOutLine());

    assertThat(result.get("threads").asInt()).isEqualTo(1);
    assertThat(result.get("chunked").asBoolean()).isFalse();
    assertThat(result.get("fits").asInt()).isEqualTo(1);
  }

  @Test
  void textReportNamesThreadsPerFitAndFitsAtOnce() {
    CommandRun run = bench(MODEL, "--threads", "2", "--fits", "3");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).isEqualTo("bench thermometer: 11 rows, 2 parameters, "
        + "20 epochs per fit, 2 threads (chunked), 3 fits at once, 1 warm-up and 3 timed rounds");
  }

  @Test
  void dataOptionReplacesTheModelsData() throws Exception {
    Path csv = folder.resolve("more.csv");
    Files.writeString(csv, "t_u,t_c\n35.7,0.5\n55.9,14.0\n58.2,15.0\n81.9,28.0\n56.3,11.0\n"
        + "48.9,8.0\n");
    CommandRun run = bench(MODEL, "--data", csv.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(Json.mapper().readTree(run.lastOutLine()).get("rows").asInt()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--epochs=0", "--threads=0", "--fits=0", "--runs=0", "--warmup=-1",
      "--warmup=NaN"})
  void impossibleCountsAreBadInput(String option) {
    CommandRun run = CommandRun.of("bench", MODEL, option);

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(option.substring(0, option.indexOf('=')) + " ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void fitsTheHeapCannotHoldAreRefusedBeforeTheFirstRound() {
    // A million results of 8192 epochs' losses: some 130 GB, more than any test JVM's heap.
    CommandRun run = CommandRun.of("bench", MODEL, "--fits", "1000000", "--epochs", "8192",
        "--warmup", "0", "--runs", "1");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).containsMatch("--fits 1000000: out of memory \\([0-9]+ MB of heap at "
        + "most\\): a round of 1000000 fits of 8192 epochs would hold about [0-9]+ MB, more than "
        + "half the heap; give it more with SYMGRAD_JAVA_OPTS=-Xmx4g, or run at most [0-9]+ fits");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingModelFileIsBadInput() {
    CommandRun run = bench(folder.resolve("nope.sg").toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("nope.sg: error: no such model file");
  }

  @Test
  void dataWithoutTheTargetIsBadInput() throws Exception {
    Path csv = folder.resolve("no_target.csv");
    Files.writeString(csv, "t_u\n1\n2\n");
    CommandRun run = bench(MODEL, "--data", csv.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("missing column 't_c' (the target)");
  }
}
