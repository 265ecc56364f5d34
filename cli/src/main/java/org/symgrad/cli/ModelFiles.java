package org.symgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Dataset;

/** Loads a model file and its data, with messages that name the file at fault. */
final class ModelFiles {
  private ModelFiles() {}

  static ModelDefinition model(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": error: no such model file");
    }
    return ModelParser.parseFile(file);
  }

  // A classifier's target holds class labels 0..K-1: cross_entropy would silently score any
  // other value as a class it never predicts.
  private static Map<String, CsvData.ColumnCheck> checks(ModelDefinition model) {
    int classes = model.targetClasses();
    if (classes == 0) {
      return Map.of();
    }
    String allowed = classes <= 4
        ? String.join(", ", java.util.stream.IntStream.range(0, classes - 1)
            .mapToObj(String::valueOf).toList()) + " or " + (classes - 1)
        : "a whole number from 0 to " + (classes - 1);
    return Map.of(model.target(), (field, value, column) ->
        value == Math.rint(value) && value >= 0 && value < classes ? null
            : "'" + field + "' in column '" + column + "' is not a class: " + model.lossText()
                + " over " + classes + " outputs needs " + allowed);
  }

  /** The data: {@code --data} if given, else the model's {@code data} line. */
  static Dataset data(ModelDefinition model, Path modelFile, Path dataOption) {
    Path file;
    String shown;
    if (dataOption != null) {
      file = dataOption;
      shown = dataOption.toString();
    } else if (model.data().isPresent()) {
      Path folder = modelFile.toAbsolutePath().getParent();
      file = folder.resolve(model.data().get());
      shown = modelFile.getParent() == null ? model.data().get()
          : modelFile.getParent().resolve(model.data().get()).toString();
    } else {
      throw new UsageException(modelFile + ": error: no data: give --data FILE.csv, or a "
          + "'data FILE.csv' line in the model");
    }
    Dataset data = CsvData.load(file, shown, checks(model));
    List<String> missing = new ArrayList<>();
    java.util.Set<String> header = new java.util.HashSet<>(data.names()); // 10 000 inputs
    for (String column : model.inputs()) {
      if (!header.contains(column)) {
        missing.add("'" + column + "' (an input)");
      }
    }
    if (!data.has(model.target())) {
      missing.add("'" + model.target() + "' (the target)");
    }
    if (!missing.isEmpty()) {
      throw DataException.at(shown, 1, 1, "missing column" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + " of " + model.source() + "; the header has "
          + DataException.listed(data.names()));
    }
    if (data.rows() == 0) {
      throw DataException.at(shown, 2, 1, "the file has a header but no rows of data");
    }
    return data;
  }
}
