package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Optimizers}: names in any case, option text as a command line writes it, --help. */
class OptimizersFactoryTest {

  @Test
  void namesAreTorchsClassNamesInAnyCase() {
    assertThat(Optimizers.create("adamw", 2, Map.of()).name()).isEqualTo("AdamW");
    assertThat(Optimizers.create("LBFGS", 2, Map.of()).name()).isEqualTo("LBFGS");
    assertThat(Optimizers.create(" rmsProp ", 2, Map.of()).name()).isEqualTo("RMSprop");
    assertThat(Optimizers.registry().canonicalName("sparseadam")).isEqualTo("SparseAdam");
  }

  @Test
  void eachRegisteredNameIsItsSpecsOwn() {
    for (String name : Optimizers.registry().names()) {
      assertThat(Optimizers.registry().get(name).name()).isEqualTo(name);
      assertThat(Optimizers.registry().get(name)).isSameInstanceAs(
          Optimizers.registry().get(name.toUpperCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void learningRateIsAnOptionWithTorchsDefault() {
    assertThat(Optimizers.create("adam", 2, Map.of()).learningRate()).isEqualTo(1e-3);
    assertThat(Optimizers.create("adam", 2, Map.of("lr", "0.1")).learningRate()).isEqualTo(0.1);
    assertThat(Optimizers.create("adadelta", 2, Map.of()).learningRate()).isEqualTo(1.0);
    assertThat(Optimizers.create("sgd", 2, Map.of()).learningRate()).isEqualTo(0.01);
  }

  @Test
  void optionsListNamesAndDefaultsInTorchsOrder() {
    Map<String, String> adam = new LinkedHashMap<>();
    adam.put("lr", "1e-3");
    adam.put("betas", "0.9,0.999");
    adam.put("eps", "1e-8");
    adam.put("weight_decay", "0");
    adam.put("amsgrad", "false");
    adam.put("maximize", "false");
    assertThat(Optimizers.options("ADAM")).containsExactlyEntriesIn(adam).inOrder();
    assertThat(Optimizers.options("adamw")).containsEntry("weight_decay", "1e-2");
    assertThat(Optimizers.options("lbfgs")).containsEntry("max_eval", "max_iter * 5 // 4");
    assertThat(Optimizers.options("lbfgs")).containsEntry("line_search_fn", "None");
  }

  @Test
  void valuesAreReadAsTorchWritesThem() {
    // Tuples with parentheses and spaces, Python's booleans and None: same as the plain forms.
    assertSameTrajectory(
        "Adam", Map.of("betas", "(0.8, 0.99)", "amsgrad", "True", "lr", "1E-1"),
        Map.of("betas", "0.8,0.99", "amsgrad", "true", "lr", "0.1"));
    assertSameTrajectory(
        "LBFGS", Map.of("max_eval", "None", "line_search_fn", " strong_wolfe "),
        Map.of("max_eval", "25", "line_search_fn", "strong_wolfe"));
    assertThat(run(Optimizers.create("LBFGS", 2, Map.of("line_search_fn", "none"))))
        .isEqualTo(run(Optimizers.create("LBFGS", 2, Map.of())));
  }

  @Test
  void maxEvalDefaultsToFiveQuartersOfMaxIterRoundedDown() {
    assertSameTrajectory(
        "LBFGS", Map.of("max_iter", "7", "lr", "0.1"),
        Map.of("max_iter", "7", "max_eval", "8", "lr", "0.1"));
  }

  private static void assertSameTrajectory(
      String name, Map<String, String> options, Map<String, String> sameOptions) {
    double[] a = run(Optimizers.create(name, 2, options));
    double[] b = run(Optimizers.create(name, 2, sameOptions));
    assertThat(a).isEqualTo(b);
    // and the options matter at all: the defaults give another trajectory
    assertThat(run(Optimizers.create(name, 2, Map.of()))).isNotEqualTo(a);
  }

  private static double[] run(Optimizer optimizer) {
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    for (int step = 0; step < 2; step++) {
      double loss = Problems.thermometerRaw(params, grad);
      optimizer.step(params, loss, grad, Problems::thermometerRaw);
    }
    return params;
  }
}
