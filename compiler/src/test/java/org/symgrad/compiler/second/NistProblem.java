package org.symgrad.compiler.second;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symgrad.runtime.Dataset;

/**
 * One NIST StRD nonlinear regression problem read from its {@code .dat} file: the two starting
 * points, the certified parameters and residual sum of squares, and the data (response first,
 * then the predictors; Nelson's model is of {@code log(y)}, its target column {@code log_y}).
 */
record NistProblem(String name, double[] start1, double[] start2, double[] certified,
    double certifiedRss, String target, Dataset data) {
  static final Path DIRECTORY = Path.of("src/test/resources/nist");
  private static final Pattern PARAMETER = Pattern.compile(
      "^\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9.]+(?:[eE][-+]?\\d+)?");

  /** The problems whose data is here, by name. */
  static List<String> available() {
    try (var files = Files.list(DIRECTORY)) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".dat"))
          .map(f -> f.substring(0, f.length() - 4))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NistProblem read(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DIRECTORY.resolve(name + ".dat"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<double[]> parameters = new ArrayList<>();
    double rss = Double.NaN;
    int dataStart = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = PARAMETER.matcher(line);
      if (m.matches()) {
        parameters.add(new double[] {Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
      } else if (line.startsWith("Residual Sum of Squares:")) {
        rss = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      } else if (line.startsWith("Data:") && line.contains("y")) {
        dataStart = i + 1; // the last such line heads the data
      }
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = dataStart; i < lines.size(); i++) {
      String[] cells = lines.get(i).trim().split("\\s+");
      if (cells.length >= 2 && java.util.Arrays.stream(cells)
          .allMatch(c -> NUMBER.matcher(c).matches())) {
        rows.add(java.util.Arrays.stream(cells).mapToDouble(Double::parseDouble).toArray());
      }
    }
    int p = parameters.size();
    double[] start1 = new double[p];
    double[] start2 = new double[p];
    double[] certified = new double[p];
    for (int k = 0; k < p; k++) {
      start1[k] = parameters.get(k)[0];
      start2[k] = parameters.get(k)[1];
      certified[k] = parameters.get(k)[2];
    }
    int n = rows.size();
    double[] y = new double[n];
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      y[r] = rows.get(r)[0];
      x[r] = rows.get(r)[1];
    }
    if (rows.get(0).length == 2) {
      return new NistProblem(name, start1, start2, certified, rss, "y",
          new Dataset(List.of("x", "y"), new double[][] {x, y}));
    }
    // Nelson: two predictors, and the model is of log(y).
    double[] x2 = new double[n];
    double[] logY = new double[n];
    for (int r = 0; r < n; r++) {
      x2[r] = rows.get(r)[2];
      logY[r] = Math.log(y[r]);
    }
    return new NistProblem(name, start1, start2, certified, rss, "log_y",
        new Dataset(List.of("x1", "x2", "log_y"), new double[][] {x, x2, logY}));
  }

  /** NIST's log relative error: the number of correct significant digits, 15 at most. */
  static double lre(double estimate, double certified) {
    double error = certified == 0 ? Math.abs(estimate)
        : Math.abs(estimate - certified) / Math.abs(certified);
    return error == 0 ? 15 : Math.min(15, -Math.log10(error));
  }
}
