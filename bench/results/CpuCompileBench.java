import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.symgrad.bench.Thermometer;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;

/**
 * CompileBench's two benchmarks (and, with "parse", the parse alone) timed by this thread's
 * CPU clock rather than the wall clock,
 * so that other processes on a loaded machine do not count: warm-up, then the median of
 * batches of calls, in microseconds a call.
 */
public class CpuCompileBench {
  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String which = args[0];
    int batches = 30;
    int calls = 200;
    Runnable op = switch (which) {
      case "compile" -> () -> Symgrad.compile(ModelParser.parse(Thermometer.MODEL, "thermometer.sg"));
      case "parse" -> () -> ModelParser.parse(Thermometer.MODEL, "thermometer.sg");
      default -> () -> Symgrad.lower(ModelParser.parse(Thermometer.MODEL, "thermometer.sg"));
    };
    for (int i = 0; i < 3000; i++) {
      op.run();
    }
    double[] perCall = new double[batches];
    for (int b = 0; b < batches; b++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) {
        op.run();
      }
      perCall[b] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / calls;
    }
    Arrays.sort(perCall);
    System.out.printf("%s cpu median %.1f us/call (min %.1f, max %.1f, %d batches of %d)%n",
        which, perCall[batches / 2], perCall[0], perCall[batches - 1], batches, calls);
  }
}
