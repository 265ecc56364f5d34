package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An optimizer allocates nothing per step once made (LBFGS once its history is full), so a
 * fit's steady state produces no garbage: the bytes this thread allocates over many steps
 * are measured with the JVM's per-thread counter.
 */
class AllocationTest {
  private static final int SIZE = 1000;

  static List<Map.Entry<String, Map<String, String>>> configurations() {
    return List.of(
        Map.entry("SGD", Map.of("momentum", "0.9", "nesterov", "true", "weight_decay", "0.1")),
        Map.entry("Adam", Map.of("amsgrad", "true")),
        Map.entry("AdamW", Map.of()),
        Map.entry("Adamax", Map.of()),
        Map.entry("Adagrad", Map.of()),
        Map.entry("Adadelta", Map.of()),
        Map.entry("RMSprop", Map.of("centered", "true", "momentum", "0.5")),
        Map.entry("Rprop", Map.of()),
        Map.entry("ASGD", Map.of("t0", "5")),
        Map.entry("NAdam", Map.of()),
        Map.entry("RAdam", Map.of()),
        Map.entry("SparseAdam", Map.of()),
        Map.entry("LBFGS", Map.of("history_size", "5", "max_iter", "3", "lr", "1e-3")),
        Map.entry(
            "LBFGS",
            Map.of("history_size", "5", "max_iter", "3", "line_search_fn", "strong_wolfe")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void stepsAllocateNothing(Map.Entry<String, Map<String, String>> configuration) {
    var threads = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var counter = (com.sun.management.ThreadMXBean) threads;
    Assumptions.assumeTrue(counter.isThreadAllocatedMemorySupported());
    counter.setThreadAllocatedMemoryEnabled(true);

    Optimizer optimizer = Optimizers.create(configuration.getKey(), SIZE, configuration.getValue());
    double[] params = new double[SIZE];
    double[] grad = new double[SIZE];
    Objective bowl = AllocationTest::bowl;
    run(optimizer, params, grad, bowl, 200); // fills LBFGS's history, warms the JIT
    long thread = Thread.currentThread().getId();
    long before = counter.getThreadAllocatedBytes(thread);
    run(optimizer, params, grad, bowl, 2000);
    long allocated = counter.getThreadAllocatedBytes(thread) - before;
    // One new double[SIZE] would be 8 kB; the counter itself may cost a few bytes.
    assertWithMessage("bytes allocated by 2000 steps").that(allocated).isLessThan(1024L);
  }

  private static void run(
      Optimizer optimizer, double[] params, double[] grad, Objective objective, int steps) {
    for (int step = 0; step < steps; step++) {
      optimizer.step(params, objective.evaluate(params, grad), grad, objective);
    }
  }

  /** A badly scaled quadratic bowl, so no optimizer converges and stops early. */
  private static double bowl(double[] p, double[] grad) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double scale = 1 + i % 7;
      double d = p[i] - 1 - i % 3;
      sum += scale * d * d;
      grad[i] = 2 * scale * d + (i % 2 == 0 ? 0 : 1e-3); // odd coordinates never settle
    }
    return sum;
  }
}
