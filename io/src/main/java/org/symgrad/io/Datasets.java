package org.symgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;

/**
 * Data sets from CSV files with a header line: read as a stream, fast, and refused with the
 * file, the line (the header is line 1), the column and the column's name when something is
 * wrong. Every value read must be a finite decimal number ({@code 1}, {@code -2.5},
 * {@code 1e-3}, {@code .5}); {@code NaN}, {@code inf}, hexadecimal and Java suffixes are not
 * numbers here. A model's file is read for the columns it uses; columns it does not use are
 * skipped, whatever they hold. A classifier's ({@code cross_entropy}) target must hold class
 * labels {@code 0..K-1}.
 *
 * <pre>{@code
 * Dataset data = Datasets.readCsv(Path.of("thermometer.csv"), model.info());
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** Every column of {@code file}, all of them numbers. */
  public static Dataset readCsv(Path file) {
    return read(file, Columns.all(), CsvLimits.defaults());
  }

  /**
   * The columns {@code model} reads from {@code file}: its inputs and its target, both
   * required. Data with a header but no rows is a data set of no rows.
   */
  public static Dataset readCsv(Path file, ModelInfo model) {
    // A null model would read every column: readCsv(file) says that, not a forgotten model.
    Objects.requireNonNull(model, "model");
    return read(file, Columns.of(model, true), CsvLimits.defaults());
  }

  /**
   * The columns {@code model} needs to predict: its inputs, required. The target column, if
   * the file has one, is skipped like any other column, so that new data may leave it blank.
   */
  public static Dataset readInputs(Path file, ModelInfo model) {
    Objects.requireNonNull(model, "model");
    return read(file, Columns.inputs(model), CsvLimits.defaults());
  }

  /**
   * The data of {@code in}, named {@code shownName} in messages: the columns of {@code model}
   * (the target required when {@code targetRequired}), or every column when {@code model} is
   * null, within {@code limits}.
   */
  public static Dataset readCsv(InputStream in, String shownName, @Nullable ModelInfo model,
      boolean targetRequired, CsvLimits limits) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(shownName, "shownName"); // every message starts with it
    Objects.requireNonNull(limits, "limits");
    Columns columns = model == null ? Columns.all() : Columns.of(model, targetRequired);
    try {
      return readCsv(in, shownName, columns, limits);
    } catch (IOException e) {
      throw new BadFileException(shownName + ": error: cannot read: " + e.getMessage());
    }
  }

  /** The number of classes of a {@code cross_entropy} model; 0 for any other. */
  public static int classes(ModelInfo model) {
    return model.lossText().strip().equals("cross_entropy") ? model.outputs() : 0;
  }

  private static boolean isBceLogits(ModelInfo model) {
    return model.lossText().strip().equals("bce_logits");
  }

  private static Dataset read(Path file, Columns columns, CsvLimits limits) {
    String shown = Quote.path(file);
    if (Files.isDirectory(file)) {
      throw new BadFileException(shown + ": error: is a directory, not a CSV file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readCsv(in, shown, columns, limits);
    } catch (NoSuchFileException e) {
      throw new BadFileException(shown + ": error: no such file");
    } catch (AccessDeniedException e) {
      throw new BadFileException(shown + ": error: cannot read: permission denied");
    } catch (IOException e) {
      throw new BadFileException(shown + ": error: cannot read: " + e.getMessage());
    }
  }

  private static Dataset readCsv(InputStream in, String shown, Columns columns,
      CsvLimits limits) throws IOException {
    try {
      return new CsvTable(new CsvReader(in, shown, limits.longestLine()), shown, columns,
          limits).read();
    } catch (OutOfMemoryError e) {
      // Past the limits' estimate (a small heap, a huge line): still a message, not a crash.
      throw new BadFileException(shown + ": error: the data does not fit in this JVM's "
          + "memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB at most); give the "
          + "JVM more (-Xmx) or read less data");
    }
  }

  /** Which columns to read, and what else their values must be. */
  record Columns(@Nullable ModelInfo model, boolean targetRequired, boolean targetRead) {
    static Columns all() {
      return new Columns(null, false, false);
    }

    /** The inputs, and the target: required, or read when the file has it. */
    static Columns of(ModelInfo model, boolean targetRequired) {
      return new Columns(model, targetRequired, true);
    }

    /** The inputs only. */
    static Columns inputs(ModelInfo model) {
      return new Columns(model, false, false);
    }

    /** The names of the columns read, or null when every column is (no model). */
    @Nullable Set<String> readNames() {
      if (model == null) {
        return null;
      }
      Set<String> names = new HashSet<>(model.inputColumns());
      if (targetRead) {
        names.add(model.target());
      }
      return names;
    }

    /**
     * For each header column, its index among the columns read, or -1 to skip it; refuses a
     * header that lacks a required column.
     */
    List<String> select(List<String> header, String file) {
      if (model == null) {
        return header;
      }
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        index.put(header.get(c), c);
      }
      List<String> wanted = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String input : model.inputColumns()) {
        if (!index.containsKey(input)) {
          missing.add(Quote.of(input) + " (an input)");
        } else if (!wanted.contains(input)) {
          wanted.add(input);
        }
      }
      if (targetRead && index.containsKey(model.target())) {
        wanted.add(model.target());
      } else if (targetRequired) {
        missing.add(Quote.of(model.target()) + " (the target)");
      }
      if (!missing.isEmpty()) {
        throw BadFileException.at(file, 1, 1, "missing column"
            + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " of model "
            + Quote.excerpt(model.name()) + "; the header has " + Quote.names(header));
      }
      return wanted;
    }

    /** Why {@code value} is not allowed in {@code column}, or null. */
    @Nullable String problem(String column, double value, String field) {
      if (model == null || !column.equals(model.target())) {
        return null;
      }
      if (isBceLogits(model)) {
        // A probability, soft labels included, as BCEWithLogitsLoss takes; outside [0, 1] its
        // loss is unbounded below, so a fit would chase it silently.
        return value >= 0 && value <= 1 ? null : Quote.of(field) + " in column "
            + Quote.of(column) + " is not a probability: bce_logits needs a target from 0 to 1";
      }
      int classes = classes(model);
      if (classes == 0 || (value == Math.rint(value) && value >= 0 && value < classes)) {
        return null;
      }
      String allowed = classes <= 4
          ? String.join(", ", java.util.stream.IntStream.range(0, classes - 1)
              .mapToObj(String::valueOf).toList()) + " or " + (classes - 1)
          : "a whole number from 0 to " + (classes - 1);
      return Quote.of(field) + " in column " + Quote.of(column) + " is not a class: "
          + model.lossText() + " over " + classes + " outputs needs " + allowed;
    }
  }
}
