package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.optim.OptimizerState;
import org.symgrad.runtime.train.TrainingCheckpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class FitOptionsTest {

  @Command(name = "fit")
  static final class Fit {
    @Mixin
    FitOptions fit;
  }

  private static FitOptions parse(String... args) {
    Fit command = new Fit();
    new CommandLine(command).parseArgs(args);
    return command.fit;
  }

  @Test
  void defaultsAreDesignMdDefaults() {
    FitOptions fit = parse();
    assertThat(fit.optimizer()).isEqualTo("sgd");
    assertThat(fit.epochs()).isEqualTo(5000);
    assertThat(fit.seed()).isEqualTo(0L);
    assertThat(fit.lr()).isNull();
    assertThat(fit.valFraction()).isNull();
    assertThat(fit.optimizerArguments()).isEmpty();
    assertThat(fit.torchOnlyFlags()).isEmpty();
  }

  @Test
  void optAndLrAreOneMapInOrder() {
    FitOptions fit = parse("--opt", "momentum=0.9", "--opt", " betas = 0.9,0.99", "--lr", "0.5",
        "--optimizer", "Adam", "--init", "a.json", "--save", "b.json");
    assertThat(fit.optimizerArguments())
        .containsExactly("momentum", "0.9", "betas", "0.9,0.99", "lr", "0.5").inOrder();
    assertThat(fit.optimizer()).isEqualTo("Adam");
    assertThat(fit.init()).isEqualTo(Path.of("a.json"));
    assertThat(fit.save()).isEqualTo(Path.of("b.json"));
  }

  @Test
  void badOptAndTwiceGivenArgumentsAreRefused() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--opt", "momentum").optimizerArguments()).getMessage())
        .isEqualTo("--opt momentum: expected NAME=VALUE, as in momentum=0.9");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--opt", "eps=1", "--opt", "eps=2").optimizerArguments()).getMessage())
        .isEqualTo("--opt eps is given twice");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--opt", "lr=1", "--lr", "2").optimizerArguments()).getMessage())
        .isEqualTo("the learning rate is given twice: --lr and --opt lr=…");
  }

  @Test
  void rangesAreChecked() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--epochs", "-1").checkRanges()).getMessage())
        .isEqualTo("--epochs -1: must be 0 or more");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--early-stopping", "0").checkRanges()).getMessage())
        .isEqualTo("--early-stopping 0: must be at least 1 epoch");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--val-fraction", "1").checkRanges()).getMessage())
        .startsWith("--val-fraction 1.0: must be in [0, 1)");
    parse("--epochs", "0", "--val-fraction", "0").checkRanges();
  }

  @Test
  void optimizerNamesIncludeTheSecondOrderOnes() {
    for (String name : new String[] {"sgd", "AdamW", "LBFGS", "lm", "LM", "newton", "Newton"}) {
      parse("--optimizer", name).checkOptimizer();
    }
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--optimizer", "nwton").checkOptimizer()).getMessage())
        .isEqualTo("Unknown optimizer 'nwton' (did you mean newton?); known optimizers are "
            + "SGD, Adam, AdamW, Adamax, Adagrad, Adadelta, RMSprop, Rprop, ASGD, NAdam, RAdam, "
            + "LBFGS, SparseAdam, lm, newton");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--optimizer", "ml").checkOptimizer()).getMessage())
        .startsWith("Unknown optimizer 'ml' (did you mean lm?); known optimizers are SGD, ");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--optimizer", "adma").checkOptimizer()).getMessage())
        .startsWith("Unknown optimizer 'adma' (did you mean Adam?);");
  }

  @Test
  void torchOnlyFlagsAreListedInOptionOrder() {
    assertThat(parse("--save", "s.json", "--lr", "1", "--scheduler", "StepLR:step_size=1",
        "--val-fraction", "0.3", "--early-stopping", "3").torchOnlyFlags())
        .containsExactly("--lr", "--val-fraction", "--scheduler", "--early-stopping", "--save")
        .inOrder();
    assertThat(parse("--val-fraction", "0").torchOnlyFlags()).isEmpty();
  }

  @Test
  void resumeKeepsTheSeedAndTakesAnExplicitLr() {
    TrainingCheckpoint saved = new TrainingCheckpoint(7, 10, 20, 0, new double[] {1.0},
        new OptimizerState("SGD", Map.of(), Map.of()), 0.1, Map.of(), 0.5, 0,
        Double.POSITIVE_INFINITY, new double[0]);
    assertThat(parse().resume(saved, "split")).isSameInstanceAs(saved);
    assertThat(parse("--seed", "7", "--lr", "0.1").resume(saved, "split"))
        .isSameInstanceAs(saved);
    TrainingCheckpoint faster = parse("--lr", "0.2").resume(saved, "split");
    assertThat(faster.learningRate()).isEqualTo(0.2);
    assertThat(faster.seed()).isEqualTo(7L);
    assertThat(faster.epoch()).isEqualTo(10);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> parse("--seed", "3", "--init", "f.json").resume(saved, "split and shuffles"))
        .getMessage()).isEqualTo("--seed 3: f.json resumes a fit of seed 7, whose split and "
            + "shuffles it keeps; drop --seed, or give --seed 7");
  }

  @Test
  void eachFlagIsDeclaredOnce() {
    CommandLine line = new CommandLine(new Fit());
    Map<String, CommandLine.Model.OptionSpec> options = new java.util.HashMap<>();
    for (CommandLine.Model.OptionSpec option : line.getCommandSpec().options()) {
      assertThat(options.put(option.longestName(), option)).isNull();
    }
    assertThat(options.keySet()).containsExactly("--optimizer", "--lr", "--opt", "--epochs",
        "--val-fraction", "--seed", "--scheduler", "--early-stopping", "--init", "--save");
  }
}
