package org.symgrad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.io.OutputFiles;

/**
 * The files a run reads and writes, checked before it does anything: each output may be
 * written (see {@link OutputFiles}), and no output is an input of the run or another output.
 */
final class Outputs {
  private Outputs() {}

  /** Checks the inputs and outputs of a fit; nulls are options not given. */
  static void check(Path model, Path data, @Nullable Path init, @Nullable Path save,
      @Nullable Path plot, @Nullable Path history) {
    List<Map.Entry<String, Path>> outputs = new ArrayList<>();
    output(outputs, "--save", save);
    output(outputs, "--plot", plot);
    output(outputs, "--history", history);
    OutputFiles.checkDistinct(inputs(model, data, init), outputs);
  }

  /** Checks the inputs and the one output of a command that writes one file. */
  static void checkOne(Path model, Path data, @Nullable Path init, String option,
      @Nullable Path output) {
    List<Map.Entry<String, Path>> outputs = new ArrayList<>();
    output(outputs, option, output);
    OutputFiles.checkDistinct(inputs(model, data, init), outputs);
  }

  private static List<Map.Entry<String, Path>> inputs(Path model, Path data,
      @Nullable Path init) {
    List<Map.Entry<String, Path>> inputs = new ArrayList<>();
    inputs.add(new SimpleEntry<>("the model", model));
    inputs.add(new SimpleEntry<>("the data", data));
    inputs.add(new SimpleEntry<>("--init", init));
    return inputs;
  }

  private static void output(List<Map.Entry<String, Path>> files, String option,
      @Nullable Path path) {
    if (path != null) {
      OutputFiles.check(path, option);
      files.add(new SimpleEntry<>(option, path));
    }
  }
}
