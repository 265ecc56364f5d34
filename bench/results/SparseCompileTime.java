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
 * W[2048, 2048]. Usage (sparse-compile.sh runs it):
 * java -cp COMPILER_CLASSPATH:. SparseCompileTime 2048
 */
public class SparseCompileTime {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    String text = "target y\nparam W[" + n + ", " + n + "]\nmodel 3 * W[1, 2]\n";
    long start = System.nanoTime();
    CompiledModel model = Symgrad.compile(Symgrad.parse(text, "w.sg"));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("W[%d, %d], %d parameters: compiled in %.2f s, heap peak %d MB%n",
        n, n, model.info().initialParameters(0).length, seconds, peak >> 20);
  }
}
