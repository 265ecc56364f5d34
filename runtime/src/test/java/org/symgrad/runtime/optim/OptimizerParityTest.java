package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.OptimizerCase;
import org.symgrad.runtime.optim.TorchReference.Step;

/**
 * Every optimizer, with its defaults and with each non-default option, against the trajectory
 * PyTorch 1.13 recorded for it (torch/optimizers.tsv, made by make_reference.py): the loss
 * before each recorded step, the parameters after it, and ASGD's average, to 1e-9 relative;
 * and, on Rosenbrock's function, whose gradient Java computes exactly as autograd does, bit
 * for bit.
 */
class OptimizerParityTest {

  static List<OptimizerCase> cases() {
    return TorchReference.optimizerCases();
  }

  static List<OptimizerCase> exactGradientCases() {
    return cases().stream().filter(c -> c.problem().equals("rosenbrock")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void followsTorchStepByStep(OptimizerCase reference) {
    List<Step> actual = replay(reference);
    for (int k = 0; k < actual.size(); k++) {
      Step expected = reference.steps().get(k);
      String at = reference.name() + " step " + expected.step();
      Tolerance.assertClose(at + " loss", expected.loss(), actual.get(k).loss());
      Tolerance.assertClose(at + " params", expected.params(), actual.get(k).params());
      for (String buffer : expected.state().keySet()) {
        Tolerance.assertClose(
            at + " " + buffer, expected.state().get(buffer), actual.get(k).state().get(buffer));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactGradientCases")
  void reproducesTorchBitForBitWhenTheGradientIsExact(OptimizerCase reference) {
    List<Step> actual = replay(reference);
    for (int k = 0; k < actual.size(); k++) {
      Step expected = reference.steps().get(k);
      String at = reference.name() + " step " + expected.step();
      assertWithMessage(at + " loss").that(actual.get(k).loss()).isEqualTo(expected.loss());
      // double[] subjects compare with Arrays.equals: bit for bit.
      assertWithMessage(at + " params").that(actual.get(k).params()).isEqualTo(expected.params());
    }
  }

  /** Runs the case's optimizer on its problem, recording the steps the reference recorded. */
  private static List<Step> replay(OptimizerCase reference) {
    Problems.Problem problem = Problems.named(reference.problem());
    double[] params = problem.start().clone();
    double[] grad = new double[params.length];
    Optimizer optimizer =
        Optimizers.create(reference.optimizer(), params.length, reference.options());
    assertThat(optimizer.name()).isEqualTo(reference.optimizer());
    List<Step> steps = new ArrayList<>();
    int done = 0;
    for (Step expected : reference.steps()) {
      double loss = 0;
      while (done < expected.step()) {
        loss = problem.objective().evaluate(params, grad);
        double[] gradBefore = grad.clone();
        optimizer.step(params, loss, grad, problem.objective());
        assertWithMessage("step must not write the gradient").that(grad).isEqualTo(gradBefore);
        done++;
      }
      steps.add(new Step(done, loss, params.clone(), optimizer.state().arrays()));
    }
    return steps;
  }

  @Test
  void everyOptimizerHasAReferenceRun() {
    Set<String> covered =
        cases().stream().map(OptimizerCase::optimizer).collect(Collectors.toSet());
    assertThat(covered).containsExactlyElementsIn(Optimizers.registry().names());
  }

  @Test
  void everyOptionHasAReferenceRunWithANonDefaultValue() {
    Map<String, Set<String>> untested = new TreeMap<>();
    for (String name : Optimizers.registry().names()) {
      Map<String, String> defaults = Optimizers.options(name);
      Set<String> covered =
          cases().stream()
              .filter(c -> c.optimizer().equals(name))
              .flatMap(c -> c.options().entrySet().stream())
              .filter(option -> !option.getValue().equals(defaults.get(option.getKey())))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      Set<String> missing = new TreeSet<>(defaults.keySet());
      missing.removeAll(covered);
      // LBFGS's tolerances only decide when it stops early; their defaults run above.
      if (name.equals("LBFGS")) {
        missing.removeAll(Set.of("tolerance_grad", "tolerance_change"));
      }
      if (!missing.isEmpty()) {
        untested.put(name, missing);
      }
    }
    assertWithMessage("options without a torch reference").that(untested).isEmpty();
  }
}
