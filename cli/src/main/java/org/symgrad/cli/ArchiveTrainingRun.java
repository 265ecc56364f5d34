package org.symgrad.cli;

import java.io.PrintWriter;

/**
 * The training run of the launchers' class-data archive: a short fit of the model it is given
 * (the thermometer) and a {@code grad}, in one JVM, so that {@code
 * -XX:DumpLoadedClassList} lists once every class the two commands load. One JVM, because
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
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = Main.run(new String[] {"fit", args[0], "--epochs", "50", "--val-fraction", "0",
        "--json", "--quiet"}, out, err);
    if (code == 0) {
      code = Main.run(new String[] {"grad", "w*x+b", "--at", "w=1,x=1,b=0", "--json"}, out, err);
    }
    System.exit(code);
  }
}
