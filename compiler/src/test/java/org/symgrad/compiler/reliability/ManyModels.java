package org.symgrad.compiler.reliability;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Compiles and runs {@code N} distinct models one after another and keeps none, as a
 * long-lived service that fits models from configuration does; run in a JVM of its own with
 * a small metaspace by {@link LongRunningTest}. It exits 0 after the last one, printing how
 * long it took and how many classes the JVM unloaded.
 *
 * <pre>
 * java -XX:MaxMetaspaceSize=64m -cp … org.symgrad.compiler.reliability.ManyModels 100000
 * </pre>
 */
public final class ManyModels {
  private static final List<String> FUNCTIONS = List.of("sin", "tanh", "sigmoid", "softplus",
      "atan", "exp", "cos", "relu");

  private ManyModels() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    long start = System.nanoTime();
    Batch batch = Batch.of(new double[][] {{0.5, 1.5, -2}, {1, 2, 3}}, 3);
    double check = 0;
    for (int i = 0; i < count; i++) {
      String function = FUNCTIONS.get(i % FUNCTIONS.size());
      // Distinct text, so no two models are the same: the constant is the model's number.
      String text = "input x\ntarget y\nparam w = 0.5\nparam b = -1\nmodel " + function
          + "(w * x + " + i + "e-4) * b\n";
      CompiledModel model = Symgrad.compile(ModelParser.parse(text, "m" + i + ".sg"));
      double[] grad = new double[2];
      check += model.lossAndGradient(new double[] {0.5, -1}, batch, grad) + grad[0];
    }
    long unloaded = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();
    long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getName().equals("Metaspace"))
        .mapToLong(pool -> pool.getUsage().getUsed())
        .sum();
    System.out.printf("compiled %d models in %.1f s; %d classes unloaded; metaspace %d KB; "
        + "checksum %s%n", count, (System.nanoTime() - start) / 1e9, unloaded,
        metaspace / 1024, check);
  }
}
