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
  static Outputs check(Path model, Path data, @Nullable Path init, @Nullable Path save,
      @Nullable Path plot, @Nullable Path history) {
    List<Map.Entry<String, Path>> files = new ArrayList<>();
    files.add(new SimpleEntry<>("the model", model));
    files.add(new SimpleEntry<>("the data", data));
    files.add(new SimpleEntry<>("--init", init));
    output(files, "--save", save);
    output(files, "--plot", plot);
    output(files, "--history", history);
    OutputFiles.checkDistinct(files);
    return new Outputs();
  }

  /** Checks the inputs and the one output of a command that writes one file. */
  static void checkOne(Path model, Path data, @Nullable Path init, String option,
      @Nullable Path output) {
    List<Map.Entry<String, Path>> files = new ArrayList<>();
    files.add(new SimpleEntry<>("the model", model));
    files.add(new SimpleEntry<>("the data", data));
    files.add(new SimpleEntry<>("--init", init));
    output(files, option, output);
    OutputFiles.checkDistinct(files);
  }

  private static void output(List<Map.Entry<String, Path>> files, String option,
      @Nullable Path path) {
    if (path != null) {
      OutputFiles.check(path, option);
      files.add(new SimpleEntry<>(option, path));
    }
  }
}
