package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed specs of {@link Optim}: immutable values, checked as torch checks, bound to a size
 * by {@code create}, and the same optimizers as the command line's text makes.
 */
class TypedSpecTest {

  /** Each optimizer with values other than its defaults, typed, and the same as text. */
  static List<Object[]> typedAndText() {
    return List.of(
        new Object[] {Optim.sgd().lr(0.05).momentum(0.9).nesterov(true).weightDecay(1e-3),
            "SGD", Map.of("lr", "0.05", "momentum", "0.9", "nesterov", "true",
                "weight_decay", "1e-3")},
        new Object[] {Optim.adam().lr(1e-2).betas(0.8, 0.99).amsgrad(true),
            "adam", Map.of("lr", "1e-2", "betas", "(0.8, 0.99)", "amsgrad", "True")},
        new Object[] {Optim.adamW().weightDecay(0.1).eps(1e-6),
            "AdamW", Map.of("weight_decay", "0.1", "eps", "1e-6")},
        new Object[] {Optim.adamax().lr(1e-2).maximize(false),
            "adamax", Map.of("lr", "0.01", "maximize", "false")},
        new Object[] {Optim.adagrad().lrDecay(0.01).initialAccumulatorValue(0.1),
            "Adagrad", Map.of("lr_decay", "0.01", "initial_accumulator_value", "0.1")},
        new Object[] {Optim.adadelta().rho(0.5), "Adadelta", Map.of("rho", "0.5")},
        new Object[] {Optim.rmsprop().centered(true).momentum(0.5).alpha(0.9),
            "RMSprop", Map.of("centered", "true", "momentum", "0.5", "alpha", "0.9")},
        new Object[] {Optim.rprop().etas(0.4, 1.3).stepSizes(1e-5, 10),
            "Rprop", Map.of("etas", "0.4,1.3", "step_sizes", "1e-5,10")},
        new Object[] {Optim.asgd().lambd(1e-3).alpha(0.5).t0(3),
            "ASGD", Map.of("lambd", "1e-3", "alpha", "0.5", "t0", "3")},
        new Object[] {Optim.nadam().momentumDecay(1e-2), "NAdam",
            Map.of("momentum_decay", "1e-2")},
        new Object[] {Optim.radam().betas(0.5, 0.9), "RAdam", Map.of("betas", "0.5,0.9")},
        new Object[] {Optim.lbfgs().maxIter(5).maxEval(7).historySize(3)
            .lineSearchFn("strong_wolfe"), "LBFGS",
            Map.of("max_iter", "5", "max_eval", "7", "history_size", "3",
                "line_search_fn", "strong_wolfe")},
        new Object[] {Optim.sparseAdam().lr(0.1), "SparseAdam", Map.of("lr", "0.1")});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("typedAndText")
  void theTextFormIsTheTypedOne(OptimizerSpec<?> typed, String name, Map<String, String> text) {
    OptimizerSpec<?> read = Optimizers.spec(name, text);
    assertThat(read).isEqualTo(typed);
    assertThat(read.hashCode()).isEqualTo(typed.hashCode());
    assertThat(Optimizers.spec(name, typed.options())).isEqualTo(typed); // options() reads back
    assertThat(run(typed.create(2))).isEqualTo(run(Optimizers.create(name, 2, text)));
    assertThat(run(typed.create(2))).isNotEqualTo(run(Optimizers.create(name, 2, Map.of())));
  }

  @Test
  void registryCoversEveryTypedSpec() {
    assertThat(typedAndText().stream().map(row -> ((OptimizerSpec<?>) row[0]).name()).toList())
        .containsExactlyElementsIn(Optimizers.registry().names());
  }

  @Test
  void specsAreValuesThatSettersDoNotChange() {
    Adam.Spec adam = Optim.adam();
    Adam.Spec tuned = adam.lr(0.5).betas(0.9, 0.99);
    assertThat(adam).isEqualTo(Optim.adam());
    assertThat(adam.options()).containsEntry("lr", "0.001");
    assertThat(tuned.options()).containsEntry("lr", "0.5");
    assertThat(tuned.options()).containsEntry("betas", "0.9,0.99");
    assertThat(tuned.toString()).isEqualTo("Adam(lr=0.5, betas=0.9,0.99)");
    assertThat(Optim.adam().lr(1e-3)).isEqualTo(Optim.adam()); // the default, set or not
    assertThat(Optim.adamW()).isNotEqualTo(Optim.adam());
  }

  @Test
  void eachCreateMakesAFreshOptimizerOfTheSpecsSize() {
    OptimizerSpec<?> spec = Optim.adam().lr(0.1);
    Optimizer first = spec.create(2);
    Optimizer second = spec.create(3);
    assertThat(first).isNotSameInstanceAs(second);
    first.step(new double[2], 1, new double[] {1, 1}, null);
    assertThat(second.state().arrays().get("exp_avg")).isEqualTo(new double[3]);
    assertThat(first.name()).isEqualTo("Adam");
    assertThat(Optim.adamW().create(1).name()).isEqualTo("AdamW");
  }

  @Test
  void settersCheckAtOnceWithTorchsMessages() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optim.adam().lr(-1)))
        .hasMessageThat().isEqualTo("Invalid learning rate: -1.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optim.adam().betas(0.9, 1)))
        .hasMessageThat().isEqualTo("Invalid beta parameter at index 1: 1.0");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optim.lbfgs().maxIter(0)))
        .hasMessageThat().isEqualTo("LBFGS option 'max_iter' must be at least 1, got 0");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Optim.lbfgs().lineSearchFn("armijo"))).hasMessageThat()
        .isEqualTo("LBFGS line_search_fn 'armijo': only 'strong_wolfe' is supported (or None)");
  }

  @Test
  void checksRelatingTwoValuesWaitForCreate() {
    SGD.Spec nesterov = Optim.sgd().nesterov(true); // momentum may still come
    assertThat(assertThrows(IllegalArgumentException.class, () -> nesterov.create(2)))
        .hasMessageThat().isEqualTo("Nesterov momentum requires a momentum and zero dampening");
    assertThat(nesterov.momentum(0.9).create(2).name()).isEqualTo("SGD");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Optim.sgd().create(-1)))
        .hasMessageThat().isEqualTo("parameterCount -1 is negative");
  }

  private static double[] run(Optimizer optimizer) {
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    for (int step = 0; step < 3; step++) {
      double loss = Problems.thermometer(params, grad);
      optimizer.step(params, loss, grad, Problems::thermometer);
    }
    return params;
  }
}
