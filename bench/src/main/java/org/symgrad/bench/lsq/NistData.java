package org.symgrad.bench.lsq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NIST StRD problem of one predictor, read from the test resources' {@code .dat} file
 * (directory {@code -Dsymgrad.nist=…}, by default as seen from the repository root).
 */
record NistData(String name, double[] start1, double[] start2, double[] certified,
    double certifiedRss, double[] x, double[] y) {
  static final Path DIRECTORY =
      Path.of(System.getProperty("symgrad.nist", "compiler/src/test/resources/nist"));
  private static final Pattern PARAMETER = Pattern.compile(
      "^\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");

  static NistData read(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DIRECTORY.resolve(name + ".dat"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<double[]> parameters = new ArrayList<>();
    double rss = Double.NaN;
    int dataStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PARAMETER.matcher(lines.get(i));
      if (m.matches()) {
        parameters.add(new double[] {Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
      } else if (lines.get(i).startsWith("Residual Sum of Squares:")) {
        rss = Double.parseDouble(lines.get(i).substring(24).trim());
      } else if (lines.get(i).startsWith("Data:") && lines.get(i).contains("y")) {
        dataStart = i + 1;
      }
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = dataStart; i < lines.size(); i++) {
      String[] cells = lines.get(i).trim().split("\\s+");
      if (cells.length == 2) {
        rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])});
      }
    }
    int p = parameters.size();
    double[][] columns = new double[3][p];
    for (int k = 0; k < p; k++) {
      for (int c = 0; c < 3; c++) {
        columns[c][k] = parameters.get(k)[c];
      }
    }
    double[] x = rows.stream().mapToDouble(r -> r[1]).toArray();
    double[] y = rows.stream().mapToDouble(r -> r[0]).toArray();
    return new NistData(name, columns[0], columns[1], columns[2], rss, x, y);
  }

  double[] start(int which) {
    return (which == 1 ? start1 : start2).clone();
  }

  /** NIST's log relative error: correct significant digits, 15 at most. */
  static double lre(double estimate, double certified) {
    double error = Math.abs(estimate - certified) / Math.abs(certified);
    return error == 0 ? 15 : Math.min(15, -Math.log10(error));
  }
}
