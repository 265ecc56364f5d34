package org.symgrad.cli.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code symgrad fit} on model files mangled at random, so that many parse and compile, with
 * odd functions, losses, penalties and initializers: it exits 0, 2 (bad input) or 3
 * (diverged), never 1 (symgrad's own bug), and prints no stack trace.
 */
class FitFuzzTest {
  private static final String MODEL = """
      # a model with a bit of everything
      input  x
      input  u
      target y
      param  w = uniform(-1, 1)
      param  b = -0.5
      param  c = normal(0, 0.1)
      let    s = 0.1 * x
      model  w * tanh(s) + b * sin(u) + softplus(c * x) - relu(u - w)
      loss   huber(1.5)
      penalty 0.01 * w^2 + abs(c)
      """;
  private static final String DATA = "x,u,y\n1,2,3\n-1,0.5,0\n2,-3,1\n0,0,0\n3,1,-2\n";

  @Provide
  Arbitrary<String> models() {
    Arbitrary<String> pieces = Arbitraries.of("(", ")", "-", "+", "*", "/", "^", ",", ".", "e",
        "0", "1", "9", " ", "#", "=", "x", "u", "w", "b", "c", "s", "y", "pred", "target",
        "exp(", "log(", "sqrt(", "asin(", "acos(", "tan(", "pow(", "min(", "max(", "1e308",
        "1e-320", "abs(", "sigmoid(", "log1p(", "expm1(", "mse", "mae", "bce_logits",
        "huber(", "\n", "let ", "param ", "input ", "loss ", "penalty ", "model ", "\0", "\r");
    Arbitrary<Integer> place = Arbitraries.integers().between(0, 1 << 16);
    Arbitrary<String> once = Combinators.combine(Arbitraries.just(MODEL), place, pieces,
        Arbitraries.integers().between(0, 2)).as(FitFuzzTest::edit);
    return Combinators.combine(once, place, pieces, Arbitraries.integers().between(0, 2))
        .as(FitFuzzTest::edit);
  }

  // Inserts piece at `at`, replaces the character there with it, or deletes that character.
  private static String edit(String text, int at, String piece, int how) {
    int i = at % text.length();
    return switch (how) {
      case 0 -> text.substring(0, i) + piece + text.substring(i);
      case 1 -> text.substring(0, i) + piece + text.substring(i + 1);
      default -> text.substring(0, i) + text.substring(i + 1);
    };
  }

  @Property(tries = 200)
  void mangledModelsFitOrAreRefusedWithoutAStackTrace(@ForAll("models") String model) {
    try {
      Path folder = Files.createTempDirectory("fit-fuzz");
      Path modelFile = folder.resolve("m.sg");
      Path dataFile = folder.resolve("m.csv");
      Files.writeString(modelFile, model, StandardCharsets.UTF_8);
      Files.writeString(dataFile, DATA);
      Cli run = Cli.run("fit", modelFile.toString(), "--data", dataFile.toString(),
          "--epochs", "20", "--val-fraction", "0", "--log-every", "1000", "--json");
      for (Path file : List.of(modelFile, dataFile, folder)) {
        Files.delete(file);
      }
      Statistics.collect(switch (run.exitCode()) {
        case 0 -> "fitted";
        case 2 -> "refused";
        case 3 -> "diverged";
        default -> "exit " + run.exitCode();
      });
      run.assertNoStackTrace(model);
      assertWithMessage("exit code of fit with\n%s\nstderr:\n%s", model, run.err())
          .that(run.exitCode()).isAnyOf(0, 2, 3);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
