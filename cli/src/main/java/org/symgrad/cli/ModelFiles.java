package org.symgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.io.BadFileException;
import org.symgrad.io.Datasets;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;

/**
 * Loads a model file and its data, with messages that name the file at fault. A model file
 * is code-like input: its {@code data} line names any file the process can read, so a
 * service that takes models from users must restrict where they may point.
 */
final class ModelFiles {
  /** The largest model file read: 16 MiB, far beyond any model that compiles. */
  static final long LARGEST_MODEL = 16L << 20;

  private ModelFiles() {}

  static ModelDefinition model(Path file) {
    if (file.toString().isEmpty()) { // Path.of("") is the current folder
      throw new UsageException("error: the model file's name is empty; give MODEL.sg");
    }
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": error: is a directory, not a model file");
    }
    if (!Files.exists(file)) {
      throw new UsageException(file + ": error: no such model file");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": error: is not a regular file (a device, a FIFO or a "
          + "socket); give a model file");
    }
    try {
      if (Files.size(file) > LARGEST_MODEL) {
        throw new UsageException(file + ": error: larger than " + LARGEST_MODEL + " bytes, "
            + "the most symgrad reads for a model file");
      }
    } catch (IOException e) {
      throw new UsageException(file + ": error: cannot read: " + e.getMessage());
    }
    return EarlyCompile.parseFile(file);
  }

  /** What the compiled model will say about itself, known before compiling it. */
  static ModelInfo info(ModelDefinition model) {
    return new ModelInfo(model.name(), model.modelText(), model.lossText(), model.parameters(),
        model.inputs(), model.target(), model.outputs().size());
  }

  /**
   * The data file: {@code --data} if given, else the model's {@code data} line, relative to
   * the model file (as a path relative to here when the model's is).
   */
  static Path dataFile(ModelDefinition model, Path modelFile, @Nullable Path dataOption) {
    if (dataOption != null) {
      return dataOption;
    }
    if (model.data().isPresent()) {
      Path folder = modelFile.getParent();
      return folder == null ? Path.of(model.data().get()) : folder.resolve(model.data().get());
    }
    throw new UsageException(modelFile + ": error: no data: give --data FILE.csv, or a "
        + "'data FILE.csv' line in the model");
  }

  /** The data to fit or score: the model's inputs and target, and at least one row. */
  static Dataset data(ModelDefinition model, Path modelFile, @Nullable Path dataOption) {
    Path file = dataFile(model, modelFile, dataOption);
    Dataset data = Datasets.readCsv(file, info(model));
    if (data.rows() == 0) {
      throw BadFileException.at(file.toString(), 2, 1, "the file has a header but no rows of "
          + "data");
    }
    return data;
  }

  /** The data to predict from: the model's inputs, the target if there; maybe no rows. */
  static Dataset inputs(ModelDefinition model, Path modelFile, @Nullable Path dataOption) {
    return Datasets.readInputs(dataFile(model, modelFile, dataOption), info(model));
  }
}
