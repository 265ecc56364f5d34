package org.symgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the launchers' class-data archive: a short fit of the model it is given
 * (the thermometer), saved, a {@code grad}, an {@code eval} of the saved fit, the same fit by
 * {@code lm} (printing its summary), an {@code emit}, and a fit of its data repeated to
 * {@value #LONG_ROWS} rows, in one JVM, so that {@code -XX:DumpLoadedClassList} lists once every
 * class the commands load. The fits keep the default validation split, as a user's fit does: without it
 * the split's classes (the held-out rows, the seeded permutation) were loaded from the jar on
 * every fit. The longer fit's training passes are long ones, which a model defines at their
 * first call, on the Vector API where the archive is made with it: the thermometer's 11 rows
 * alone load none of those classes. One JVM, because {@code java -Xshare:dump} fails on a
 * list that names a class twice, and the Windows launcher has no tool to merge two lists.
 * Exits with the first failing command's code.
 */
final class ArchiveTrainingRun {
  /** Rows of the longer fit: its training part (80 %) is longer than a short pass. */
  static final int LONG_ROWS = 48;

  private ArchiveTrainingRun() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ArchiveTrainingRun MODEL.sg");
      System.exit(Main.BAD_INPUT);
    }
    System.exit(run(args[0], new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /** The commands in turn, each only if the last succeeded; the first failing one's code. */
  static int run(String model, PrintWriter out, PrintWriter err) {
    Path saved = temporary(".json");
    try {
      String[] fit = {"fit", model, "--epochs", "50", "--json", "--quiet", "--save",
          saved.toString()};
      EarlyCompile.start(fit); // as Main.main does, so that the archive holds its classes too
      int code = Main.run(fit, out, err);
      if (code != 0) {
        return code;
      }
      code = Main.run(new String[] {"grad", "w*x+b", "--at", "w=1,x=1,b=0", "--json"}, out, err);
      if (code != 0) {
        return code;
      }
      // Reading a checkpoint (eval, predict, fit --init) makes Jackson's ObjectMapper: some 400
      // classes, a quarter of a second when they come from the jar.
      code = Main.run(new String[] {"eval", model, "--init", saved.toString(), "--json"}, out,
          err);
      if (code != 0) {
        return code;
      }
      // Curve fitting's solver and summary, and emit's source writer (JavaPoet): some 90 and
      // 180 classes each command would otherwise load from the jar. Their output is not kept.
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      code = Main.run(new String[] {"fit", model, "--optimizer", "lm"}, discard, err);
      if (code != 0) {
        return code;
      }
      code = Main.run(new String[] {"emit", model}, discard, err);
      if (code != 0) {
        return code;
      }
    } finally {
      delete(saved);
    }
    Path longer = repeatedData(Path.of(model).resolveSibling("thermometer.csv"));
    try {
      return Main.run(new String[] {"fit", model, "--data", longer.toString(), "--epochs", "3",
          "--json", "--quiet"}, out, err);
    } finally {
      delete(longer);
    }
  }

  private static Path temporary(String suffix) {
    try {
      return Files.createTempFile("symgrad-archive-", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the archive's training files", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file the system cleans up in time
    }
  }

  // A temporary copy of the CSV file data with its rows repeated to LONG_ROWS.
  private static Path repeatedData(Path data) {
    try {
      List<String> lines = Files.readAllLines(data);
      List<String> rows = lines.subList(1, lines.size());
      List<String> longer = new ArrayList<>(List.of(lines.get(0)));
      for (int i = 0; i < LONG_ROWS; i++) {
        longer.add(rows.get(i % rows.size()));
      }
      return Files.write(temporary(".csv"), longer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the archive's training data", e);
    }
  }
}
