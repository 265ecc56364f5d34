// Thread CPU time of each stage of compiling the thermometer, one jar: javac -cp JAR -d out
// CompileStages.java; java -cp JAR:out CompileStages 3000 (three rounds of N calls each).
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.compiler.model.ModelDefinition;
public class CompileStages {
  public static void main(String[] a) throws Exception {
    String model = org.symgrad.bench.Thermometer.MODEL;
    int n = Integer.parseInt(a[0]);
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 3; round++) {
      long p = 0, l = 0, e = 0, c = 0;
      for (int i = 0; i < n; i++) {
        long t0 = mx.getCurrentThreadCpuTime();
        ModelDefinition d = ModelParser.parse(model, "thermometer.sg");
        long t1 = mx.getCurrentThreadCpuTime();
        Symgrad.lower(d);
        long t2 = mx.getCurrentThreadCpuTime();
        Symgrad.emitClass(ModelParser.parse(model, "thermometer.sg"), "p", "C");
        long t3 = mx.getCurrentThreadCpuTime();
        Symgrad.compile(ModelParser.parse(model, "thermometer.sg"));
        long t4 = mx.getCurrentThreadCpuTime();
        p += t1 - t0; l += t2 - t1; e += t3 - t2; c += t4 - t3;
      }
      System.out.printf("parse %.0f  lower %.0f  emitClass(parse+lower+emit) %.0f  compile(parse+all) %.0f us%n", p/1e3/n, l/1e3/n, e/1e3/n, c/1e3/n);
    }
  }
}
