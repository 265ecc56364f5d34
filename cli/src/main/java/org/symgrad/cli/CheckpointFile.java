package org.symgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.OptimizerState;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * The {@code --save} / {@code --init} file: the parameters by name, and everything a fit needs
 * to resume exactly (optimizer and scheduler state, epoch, seed, split sizes). Written to a
 * temporary file and renamed, so a crash never leaves half a file.
 */
final class CheckpointFile {
  private CheckpointFile() {}

  /** Writes {@code checkpoint} of {@code model} to {@code file}, atomically. */
  static void save(Path file, ModelInfo model, TrainingCheckpoint checkpoint) {
    ObjectNode root = Json.object();
    root.put("symgrad", Symgrad.VERSION);
    root.put("model", model.name());
    root.set("params", Parameters.toJson(model, checkpoint.params()));
    root.put("epoch", checkpoint.epoch());
    root.put("seed", checkpoint.seed());
    root.put("rows", checkpoint.rows());
    root.put("validation_rows", checkpoint.validationRows());
    ObjectNode optimizer = root.putObject("optimizer");
    OptimizerState state = checkpoint.optimizerState();
    optimizer.put("name", state.optimizer());
    optimizer.set("lr", Json.number(checkpoint.learningRate()));
    ObjectNode arrays = optimizer.putObject("arrays");
    state.arrays().forEach((name, values) -> arrays.set(name, Json.numbers(values)));
    ObjectNode scalars = optimizer.putObject("scalars");
    state.scalars().forEach((name, value) -> scalars.set(name, Json.number(value)));
    ObjectNode scheduler = root.putObject("scheduler");
    checkpoint.schedulerState().forEach((name, value) -> scheduler.set(name, Json.number(value)));
    root.set("last_train_loss", Json.number(checkpoint.lastTrainLoss()));
    root.put("best_epoch", checkpoint.bestEpoch());
    root.set("best_val_loss", Json.number(checkpoint.bestValLoss()));
    root.set("best_params", Json.numbers(checkpoint.bestParams()));
    writeAtomically(file, Json.line(root) + "\n");
  }

  /** Whether {@code root} holds a whole checkpoint rather than parameters only. */
  static boolean isCheckpoint(JsonNode root) {
    return root.has("optimizer") && root.has("epoch") && root.has("seed");
  }

  /** The checkpoint in {@code root}, a file written by {@link #save}. */
  static TrainingCheckpoint read(JsonNode root, ModelInfo model, String shownName) {
    try {
      JsonNode optimizer = root.get("optimizer");
      Map<String, double[]> arrays = new LinkedHashMap<>();
      optimizer.get("arrays").fields().forEachRemaining(e ->
          arrays.put(e.getKey(), doubles(e.getValue())));
      Map<String, Double> scalars = new LinkedHashMap<>();
      optimizer.get("scalars").fields().forEachRemaining(e ->
          scalars.put(e.getKey(), Json.toDouble(e.getValue())));
      Map<String, Double> scheduler = new LinkedHashMap<>();
      root.path("scheduler").fields().forEachRemaining(e ->
          scheduler.put(e.getKey(), Json.toDouble(e.getValue())));
      return new TrainingCheckpoint(
          root.get("seed").asLong(),
          root.get("epoch").asInt(),
          root.get("rows").asInt(),
          root.get("validation_rows").asInt(),
          Parameters.fromJson(root.get("params"), model, shownName),
          new OptimizerState(optimizer.get("name").asText(), arrays, scalars),
          Json.toDouble(optimizer.get("lr")),
          scheduler,
          Json.toDouble(root.get("last_train_loss")),
          root.get("best_epoch").asInt(),
          Json.toDouble(root.get("best_val_loss")),
          doubles(root.get("best_params")));
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new UsageException(shownName + ": error: not a symgrad checkpoint ("
          + (e.getMessage() == null ? "a field is missing" : e.getMessage()) + ")");
    }
  }

  static void writeAtomically(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path temporary = null;
    try {
      Files.createDirectories(target.getParent());
      temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      writeDurably(temporary, text);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(target.getParent());
    } catch (IOException e) {
      throw new UsageException(file + ": error: cannot write: " + e.getMessage());
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the rename took it, or there is nothing more to do
        }
      }
    }
  }

  // The bytes reach the disk before the rename, so that a power cut after it cannot leave the
  // new name on an empty or half-written file.
  private static void writeDurably(Path file, String text) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
  }

  // The rename itself is durable once the directory is synced. Not every platform can open a
  // directory (Windows cannot); there the rename is as durable as the file system makes it.
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }

  private static double[] doubles(JsonNode array) {
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("expected an array of numbers");
    }
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Json.toDouble(array.get(i));
    }
    return values;
  }
}
