package org.symgrad.runtime.optim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files {@code make_reference.py} writes (see its docstring for the format). */
final class TorchReference {
  private TorchReference() {}

  /** One recorded step of one case. */
  record Step(int step, double loss, double[] params, Map<String, double[]> state) {}

  /** One optimizer run. */
  record OptimizerCase(
      String name, String optimizer, String problem, Map<String, String> options,
      List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One scheduler run: lrs[0] after construction, lrs[k] after step k. */
  record SchedulerCase(
      String name, String scheduler, Map<String, String> args, double lr, double[] metrics,
      double[] lrs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<OptimizerCase> optimizerCases() {
    Map<String, OptimizerCase> cases = new LinkedHashMap<>();
    for (String[] f : rows("optimizers.tsv", 8)) {
      OptimizerCase c =
          cases.computeIfAbsent(
              f[0], name -> new OptimizerCase(name, f[1], f[2], options(f[3]), new ArrayList<>()));
      c.steps().add(new Step(Integer.parseInt(f[4]), Double.parseDouble(f[5]), numbers(f[6]),
          state(f[7])));
    }
    return List.copyOf(cases.values());
  }

  static List<SchedulerCase> schedulerCases() {
    List<SchedulerCase> cases = new ArrayList<>();
    for (String[] f : rows("schedulers.tsv", 6)) {
      double[] metrics = f[4].equals("-") ? null : numbers(f[4]);
      cases.add(
          new SchedulerCase(f[0], f[1], options(f[2]), Double.parseDouble(f[3]), metrics,
              numbers(f[5])));
    }
    return cases;
  }

  /** One argument of a torch class's constructor and its default, as Python's repr. */
  record Default(String owner, String argument, String repr) {}

  /** Arguments torch refuses, with torch's message ("-": torch accepts them). */
  record Refusal(String owner, Map<String, String> options, String message) {
    @Override
    public String toString() {
      return owner + " " + options;
    }
  }

  static List<Default> defaults() {
    return rows("defaults.tsv", 3).stream().map(f -> new Default(f[0], f[1], f[2])).toList();
  }

  static List<Refusal> refusals() {
    return rows("errors.tsv", 3).stream()
        .map(f -> new Refusal(f[0], options(f[1]), f[2]))
        .toList();
  }

  /** {@code name=value;name=value}, or {@code -} for none. */
  static Map<String, String> options(String text) {
    Map<String, String> options = new LinkedHashMap<>();
    if (!text.equals("-")) {
      for (String option : text.split(";")) {
        int equals = option.indexOf('=');
        options.put(option.substring(0, equals), option.substring(equals + 1));
      }
    }
    return options;
  }

  private static Map<String, double[]> state(String text) {
    Map<String, double[]> state = new LinkedHashMap<>();
    if (!text.equals("-")) {
      int equals = text.indexOf('=');
      state.put(text.substring(0, equals), numbers(text.substring(equals + 1)));
    }
    return state;
  }

  private static double[] numbers(String text) {
    return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  private static List<String[]> rows(String file, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = TorchReference.class.getResourceAsStream("/torch/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource torch/" + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != columns) {
          throw new IllegalStateException(file + ": expected " + columns + " fields: " + line);
        }
        rows.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
