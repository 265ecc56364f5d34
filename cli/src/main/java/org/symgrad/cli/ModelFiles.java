package org.symgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Dataset data = CsvData.load(file, shown);
    List<String> missing = new ArrayList<>();
    for (String column : model.inputs()) {
      if (!data.has(column)) {
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
