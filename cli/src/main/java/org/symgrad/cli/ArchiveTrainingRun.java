package org.symgrad.cli;

import java.io.PrintWriter;

/**
 * The training run of the launchers' class-data archive: a short fit of the model it is given
 * (the thermometer) and a {@code grad}, in one JVM, so that {@code
 * -XX:DumpLoadedClassList} lists once every class the two commands load. The fit keeps the
 * default validation split, as a user's fit does: without it the split's classes (the held-out
 * rows, the seeded permutation) were loaded from the jar on every fit. One JVM, because
 * {@code java -Xshare:dump} fails on a list that names a class twice, and the Windows
 * launcher has no tool to merge two lists. Exits with the first failing command's code.
 */
final class ArchiveTrainingRun {
  private ArchiveTrainingRun() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ArchiveTrainingRun MODEL.sg");
      System.exit(Main.BAD_INPUT);
    }
    System.exit(run(args[0], new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /** Both commands, the second only if the first succeeded; the first failing one's code. */
  static int run(String model, PrintWriter out, PrintWriter err) {
    String[] fit = {"fit", model, "--epochs", "50", "--json", "--quiet"};
    EarlyCompile.start(fit); // as Main.main does, so that the archive holds its classes too
    int code = Main.run(fit, out, err);
    if (code != 0) {
      return code;
    }
    return Main.run(new String[] {"grad", "w*x+b", "--at", "w=1,x=1,b=0", "--json"}, out, err);
  }
}
