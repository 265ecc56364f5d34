package org.symgrad.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symgrad.runtime.Dataset;

/**
 * One NIST StRD nonlinear regression problem read from its {@code .dat} file (the compiler's
 * {@code src/test/resources/nist}): the two starting points, the certified parameters and
 * residual sum of squares, and the data, response first, then the predictors. Nelson's model
 * is of {@code log(y)}, so its target column is {@code log_y} beside {@code x1, x2}; every
 * other problem has columns {@code x, y}. The one reader of these files, for the tests and
 * the benchmarks alike.
 *
 * @param name the problem, as the file is named
 * @param start1 NIST's Start 1
 * @param start2 NIST's Start 2
 * @param certified the certified parameters
 * @param certifiedRss the certified residual sum of squares
 * @param target the name of the response column in {@link #data}
 * @param data the predictors and the response
 */
public record NistFile(String name, double[] start1, double[] start2, double[] certified,
    double certifiedRss, String target, Dataset data) {
  private static final Pattern PARAMETER = Pattern.compile(
      "^\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9.]+(?:[eE][-+]?\\d+)?");

  public NistFile {
    start1 = start1.clone();
    start2 = start2.clone();
    certified = certified.clone();
  }

  /** The problems whose {@code .dat} file is in {@code directory}, by name. */
  public static List<String> available(Path directory) {
    try (var files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".dat"))
          .map(f -> f.substring(0, f.length() - 4))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code directory/name.dat}. */
  public static NistFile read(Path directory, String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(directory.resolve(name + ".dat"));
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
    if (parameters.isEmpty() || dataStart < 0 || Double.isNaN(rss)) {
      throw new IllegalArgumentException(name + ".dat: not a NIST StRD nonlinear problem");
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = dataStart; i < lines.size(); i++) {
      String[] cells = lines.get(i).trim().split("\\s+");
      if (cells.length >= 2 && Arrays.stream(cells).allMatch(c -> NUMBER.matcher(c).matches())) {
        rows.add(Arrays.stream(cells).mapToDouble(Double::parseDouble).toArray());
      }
    }
    int p = parameters.size();
    double[][] table = new double[3][p];
    for (int k = 0; k < p; k++) {
      for (int c = 0; c < 3; c++) {
        table[c][k] = parameters.get(k)[c];
      }
    }
    int n = rows.size();
    double[] y = new double[n];
    double[] x = new double[n];
    for (int r = 0; r < n; r++) {
      y[r] = rows.get(r)[0];
      x[r] = rows.get(r)[1];
    }
    if (rows.get(0).length == 2) {
      return new NistFile(name, table[0], table[1], table[2], rss, "y",
          new Dataset(List.of("x", "y"), new double[][] {x, y}));
    }
    double[] x2 = new double[n];
    double[] logY = new double[n];
    for (int r = 0; r < n; r++) {
      x2[r] = rows.get(r)[2];
      logY[r] = Math.log(y[r]);
    }
    return new NistFile(name, table[0], table[1], table[2], rss, "log_y",
        new Dataset(List.of("x1", "x2", "log_y"), new double[][] {x, x2, logY}));
  }

  @Override
  public double[] start1() {
    return start1.clone();
  }

  @Override
  public double[] start2() {
    return start2.clone();
  }

  @Override
  public double[] certified() {
    return certified.clone();
  }

  /** Start 1 or Start 2. */
  public double[] start(int which) {
    if (which != 1 && which != 2) {
      throw new IllegalArgumentException("NIST gives starts 1 and 2, not " + which);
    }
    return which == 1 ? start1() : start2();
  }

  /** The response column. */
  public double[] response() {
    return data.column(target);
  }

  /** NIST's log relative error: the number of correct significant digits, 15 at most. */
  public static double lre(double estimate, double certified) {
    double error = certified == 0 ? Math.abs(estimate)
        : Math.abs(estimate - certified) / Math.abs(certified);
    return error == 0 ? 15 : Math.min(15, -Math.log10(error));
  }
}
