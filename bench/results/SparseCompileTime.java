import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;

/**
 * Issue 16 defect 8's case, once, in a fresh JVM: {@code param W[n, n]} of which the model
 * reads one element, text to callable class (Symgrad.compile), by the wall clock, with the
 * heap's peak use as the JVM's memory pools recorded it (which they update at garbage
 * collections: a compile that needed none shows about the start-up's few MB). The model has
 * no input, so that the build before the fix, whose budget counted inputs too, takes
 * W[2048, 2048]. With {@code dense}, the model reads every element instead, a dense layer
 * ({@code sum(i, tanh(sum(j, W[i, j] * x[j])))}), and the process's CPU time is shown too,
 * which a loaded machine inflates less than the wall clock. Usage (sparse-compile.sh runs it):
 * java -cp COMPILER_CLASSPATH:. SparseCompileTime 2048 [dense]
 */
public class SparseCompileTime {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    boolean dense = args.length > 1 && args[1].equals("dense");
    String text = dense
        ? "input x[" + n + "]\ntarget y\nparam W[" + n + ", " + n + "]\n"
            + "model sum(i, tanh(sum(j, W[i, j] * x[j])))\n"
        : "target y\nparam W[" + n + ", " + n + "]\nmodel 3 * W[1, 2]\n";
    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    CompiledModel model = Symgrad.compile(Symgrad.parse(text, "w.sg"));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%sW[%d, %d], %d parameters: compiled in %.2f s%s, heap peak %d MB%n",
        dense ? "dense " : "", n, n, model.info().initialParameters(0).length, seconds,
        dense ? String.format(" (CPU %.2f s)", cpu) : "", peak >> 20);
  }
}
