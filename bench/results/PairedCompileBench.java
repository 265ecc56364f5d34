import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two benchmark jars in one JVM, each in a class loader of its own, timed in alternate batches
 * by this thread's CPU clock: each batch of one jar has a batch of the other just before or
 * after it, so a loaded machine slows both alike, and the median of the paired ratios says
 * which is faster. Usage: java PairedCompileBench BASELINE.jar OURS.jar
 * parse|parseAndLower|compile|compileThenLoss; the last also runs the model's loss on the
 * thermometer's 11 rows once, the first call of a pass that a build may define only then.
 */
public class PairedCompileBench {
  public static void main(String[] args) throws Throwable {
    Runnable base = op(Path.of(args[0]), args[2]);
    Runnable ours = op(Path.of(args[1]), args[2]);
    for (int i = 0; i < 3000; i++) {
      base.run();
      ours.run();
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int batches = 60;
    int calls = 100;
    double[] a = new double[batches];
    double[] b = new double[batches];
    double[] ratio = new double[batches];
    for (int k = 0; k < batches; k++) {
      boolean baseFirst = k % 2 == 0; // neither always goes first
      double first = time(mx, baseFirst ? base : ours, calls);
      double second = time(mx, baseFirst ? ours : base, calls);
      a[k] = baseFirst ? first : second;
      b[k] = baseFirst ? second : first;
      ratio[k] = b[k] / a[k];
    }
    System.out.printf("%s: baseline median %.1f us/call (min %.1f), ours median %.1f us/call"
            + " (min %.1f), ours/baseline median of %d paired batches %.3f (quartiles %.3f,"
            + " %.3f)%n", args[2], median(a), min(a), median(b), min(b), batches,
        median(ratio), quantile(ratio, 0.25), quantile(ratio, 0.75));
  }

  private static double time(ThreadMXBean mx, Runnable op, int calls) {
    long start = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      op.run();
    }
    return (mx.getCurrentThreadCpuTime() - start) / 1e3 / calls;
  }

  // The benchmark of one jar, through its own class loader.
  private static Runnable op(Path jar, String which) throws Throwable {
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    String model = (String) loader.loadClass("org.symgrad.bench.Thermometer")
        .getField("MODEL").get(null);
    Class<?> definition = loader.loadClass("org.symgrad.compiler.model.ModelDefinition");
    MethodHandle parse = lookup.findStatic(
        loader.loadClass("org.symgrad.compiler.parse.ModelParser"), "parse",
        MethodType.methodType(definition, String.class, String.class));
    Class<?> symgrad = loader.loadClass("org.symgrad.compiler.Symgrad");
    Class<?> compiled = loader.loadClass("org.symgrad.runtime.CompiledModel");
    MethodHandle after = switch (which) {
      case "parse" -> null;
      case "parseAndLower" -> lookup.findStatic(symgrad, "lower", MethodType.methodType(
          loader.loadClass("org.symgrad.compiler.lower.Program"), definition));
      default -> lookup.findStatic(symgrad, "compile", MethodType.methodType(
          compiled, definition));
    };
    if (which.equals("compileThenLoss")) {
      Class<?> batchType = loader.loadClass("org.symgrad.runtime.Batch");
      double[] tU = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4};
      double[] tC = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0};
      Object batch = lookup.findStatic(batchType, "of",
          MethodType.methodType(batchType, double[][].class, int.class))
          .invoke(new double[][] {tU, tC}, 11);
      MethodHandle loss = MethodHandles.insertArguments(lookup.findVirtual(compiled, "loss",
          MethodType.methodType(double.class, double[].class, batchType)), 1,
          new double[] {1, 0}, batch);
      after = MethodHandles.filterReturnValue(after, loss);
    }
    MethodHandle stage = after;
    return () -> {
      try {
        Object parsed = parse.invoke(model, "thermometer.sg");
        if (stage != null) {
          stage.invoke(parsed);
        }
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }
}
