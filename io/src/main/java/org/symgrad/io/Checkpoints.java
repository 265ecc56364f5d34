package org.symgrad.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.optim.OptimizerState;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingCheckpoint;

/**
 * The {@code --save} / {@code --init} file: the parameters by name, and everything a fit needs
 * to resume exactly (optimizer and scheduler state, epoch, seed, split sizes), as one line of
 * JSON. Saved through {@link OutputFiles#write}: atomic, on the disk, the umask honoured.
 * Loading takes a checkpoint, or any JSON object with {@code "params"} (the output of {@code
 * fit --json}), and refuses one of another model by naming what does not fit.
 *
 * <pre>{@code
 * Checkpoints.save(Path.of("fit.json"), model.info(), result.checkpoint());
 * double[] params = Checkpoints.load(Path.of("fit.json"), model.info()).params();
 * }</pre>
 */
public final class Checkpoints {
  /** The largest file {@link #load} reads: 1 GiB, or a quarter of the heap if less. */
  public static final long LARGEST = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
  // Numbers of a million digits would take quadratic time; checkpoints hold doubles.
  // A key twice or text after the object is a file edited by hand: refused, not guessed at.
  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(1000).build())
      .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Checkpoints() {}

  /** What a file gave: parameters, and the whole checkpoint when it is one. */
  public record Loaded(double[] params, @Nullable TrainingCheckpoint checkpoint) {
    public Loaded {
      params = params.clone();
    }

    @Override
    public double[] params() {
      return params.clone();
    }
  }

  /**
   * Writes {@code checkpoint} of {@code model} to {@code file}, atomically.
   *
   * @throws IllegalArgumentException, before {@code file} is touched, when the checkpoint's
   *     parameters are not {@code model}'s count (a checkpoint of another model)
   */
  public static void save(Path file, ModelInfo model, TrainingCheckpoint checkpoint) {
    save(file, "", model, checkpoint);
  }

  /**
   * Why a fit's checkpoint is not worth {@code file}, or null when it is: a fit whose loss
   * diverged has parameters where the loss is not finite, no use to resume or predict from,
   * and writing them would replace what the file held, often the fit resumed. A fit stopped by
   * a gradient that is not finite, at a finite loss, stopped before the update: saved.
   */
  public static @Nullable String whyNotSaved(Path file, StopReason stopped, double trainLoss) {
    if (stopped != StopReason.DIVERGED || Double.isFinite(trainLoss)) {
      return null;
    }
    return Quote.path(file) + " not written: the fit diverged and its parameters have no "
        + "finite loss" + (Files.exists(file) ? "; the file is left as it was" : "");
  }

  /**
   * {@link #save(Path, ModelInfo, TrainingCheckpoint)} for a command, whose messages name the
   * file by its option ({@code --save}).
   */
  public static void save(Path file, String option, ModelInfo model,
      TrainingCheckpoint checkpoint) {
    OutputFiles.write(file, option,
        (toJson(model, checkpoint) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The checkpoint as one line of JSON.
   *
   * @throws IllegalArgumentException when the checkpoint's parameters are not {@code model}'s
   *     count
   */
  public static String toJson(ModelInfo model, TrainingCheckpoint checkpoint) {
    // The file names each value by the model's parameters: with another model's info, a
    // longer checkpoint would be cut short silently and a shorter one fail half written.
    if (checkpoint.params().length != model.parameterCount()) {
      throw new IllegalArgumentException("the checkpoint holds "
          + checkpoint.params().length + " parameter values, but model '" + model.name()
          + "' has " + model.parameterCount() + ": save a checkpoint with the info of the "
          + "model that made it");
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("symgrad", Version.current());
    root.put("model", model.name());
    root.set("params", ParameterJson.toJson(model, checkpoint.params()));
    root.put("epoch", checkpoint.epoch());
    root.put("seed", checkpoint.seed());
    root.put("rows", checkpoint.rows());
    root.put("validation_rows", checkpoint.validationRows());
    ObjectNode optimizer = root.putObject("optimizer");
    OptimizerState state = checkpoint.optimizerState();
    optimizer.put("name", state.optimizer());
    optimizer.set("lr", JsonValues.number(checkpoint.learningRate()));
    ObjectNode arrays = optimizer.putObject("arrays");
    state.arrays().forEach((name, values) -> arrays.set(name, JsonValues.numbers(values)));
    ObjectNode scalars = optimizer.putObject("scalars");
    state.scalars().forEach((name, value) -> scalars.set(name, JsonValues.number(value)));
    ObjectNode scheduler = root.putObject("scheduler");
    checkpoint.schedulerState().forEach((name, value) ->
        scheduler.set(name, JsonValues.number(value)));
    root.set("last_train_loss", JsonValues.number(checkpoint.lastTrainLoss()));
    root.put("best_epoch", checkpoint.bestEpoch());
    root.set("best_val_loss", JsonValues.number(checkpoint.bestValLoss()));
    root.set("best_params", JsonValues.numbers(checkpoint.bestParams()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The parameters, and the checkpoint if it is one, in {@code file} for {@code model}. */
  public static Loaded load(Path file, ModelInfo model) {
    return fromJson(readJson(file, LARGEST), model, Quote.path(file));
  }

  /**
   * {@link #load}, for a file a fit starts from or predicts with ({@code --init}): every
   * parameter must be finite. The format keeps NaN and ±∞ (as strings), but no fit starts from
   * them; a fit that diverged saves the finite values before.
   */
  public static Loaded loadStart(Path file, ModelInfo model) {
    Loaded loaded = load(file, model);
    double[] params = loaded.params();
    for (ParameterInfo p : model.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        double value = params[p.offset() + i];
        if (!Double.isFinite(value)) {
          throw new BadFileException(Quote.path(file) + ": error: parameter "
              + p.elementName(i) + " is " + value
              + "; a fit starts from, and predicts with, finite numbers only");
        }
      }
    }
    return loaded;
  }

  /** What {@code root} (a file's JSON, named {@code shownName}) holds for {@code model}. */
  public static Loaded fromJson(JsonNode root, ModelInfo model, String shownName) {
    if (!root.isObject()) {
      throw new BadFileException(shownName + ": error: expected a JSON object with "
          + "\"params\", as --save and fit --json write");
    }
    double[] params = ParameterJson.fromJson(root.get("params"), model, shownName);
    if (!(root.has("optimizer") && root.has("epoch") && root.has("seed"))) {
      return new Loaded(params, null);
    }
    try {
      return new Loaded(params, checkpoint(root, params, model.parameterNames()));
    } catch (IllegalArgumentException e) {
      throw new BadFileException(shownName + ": error: not a whole symgrad checkpoint: "
          + e.getMessage());
    }
  }

  private static TrainingCheckpoint checkpoint(JsonNode root, double[] params,
      List<String> parameterNames) {
    JsonNode optimizer = object(root, "optimizer");
    Map<String, double[]> arrays = new LinkedHashMap<>();
    object(optimizer, "arrays").fields().forEachRemaining(e ->
        arrays.put(e.getKey(), doubles(e.getValue(), "\"" + e.getKey() + "\"")));
    Map<String, Double> scalars = new LinkedHashMap<>();
    object(optimizer, "scalars").fields().forEachRemaining(e ->
        scalars.put(e.getKey(), JsonValues.toDouble(e.getValue())));
    Map<String, Double> scheduler = new LinkedHashMap<>();
    JsonNode schedulerNode = root.path("scheduler");
    if (!schedulerNode.isMissingNode() && !schedulerNode.isObject()) {
      throw new IllegalArgumentException("\"scheduler\" must be an object");
    }
    schedulerNode.fields().forEachRemaining(e ->
        scheduler.put(e.getKey(), JsonValues.toDouble(e.getValue())));
    JsonNode name = optimizer.get("name");
    if (name == null || !name.isTextual()) {
      throw new IllegalArgumentException("\"optimizer\".\"name\" must be a string");
    }
    return new TrainingCheckpoint(
        whole(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE),
        (int) whole(root, "epoch", 0, Integer.MAX_VALUE),
        (int) whole(root, "rows", 1, Integer.MAX_VALUE),
        (int) whole(root, "validation_rows", 0, Integer.MAX_VALUE),
        params,
        new OptimizerState(name.asText(), arrays, scalars),
        JsonValues.toDouble(optimizer.get("lr")),
        scheduler,
        JsonValues.toDouble(root.get("last_train_loss")),
        (int) whole(root, "best_epoch", 0, Integer.MAX_VALUE),
        JsonValues.toDouble(root.get("best_val_loss")),
        doubles(root.get("best_params"), "\"best_params\""),
        parameterNames);
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an object, not "
          + (node == null ? "missing" : Quote.of(node.toString())));
    }
    return node;
  }

  private static long whole(JsonNode root, String field, long low, long high) {
    JsonNode node = root.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()
        || node.asLong() < low || node.asLong() > high) {
      if (node != null && node.isNumber() && node.asDouble() == Math.rint(node.asDouble())
          && node.asDouble() >= low && node.asDouble() <= high) {
        return node.asLong(); // 5.0 or 5e3
      }
      throw new IllegalArgumentException("\"" + field + "\" must be a whole number from "
          + low + " to " + high + ", not " + (node == null ? "missing"
              : Quote.of(node.toString())));
    }
    return node.asLong();
  }

  private static double[] doubles(JsonNode array, String what) {
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException(what + " must be an array of numbers");
    }
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = JsonValues.toDouble(array.get(i));
    }
    return values;
  }

  /**
   * The JSON in {@code file}, read to at most {@code largest} bytes, a byte order mark
   * skipped; refused with its line and column when it is not JSON.
   */
  public static JsonNode readJson(Path file, long largest) {
    String shown = Quote.path(file);
    if (Files.isDirectory(file)) {
      throw new BadFileException(shown + ": error: is a directory, not a JSON file");
    }
    try (InputStream in = new BufferedInputStream(new Bounded(Files.newInputStream(file),
        largest, shown))) {
      in.mark(3);
      byte[] mark = in.readNBytes(3);
      if (!(mark.length == 3 && (mark[0] & 0xff) == 0xef && (mark[1] & 0xff) == 0xbb
          && (mark[2] & 0xff) == 0xbf)) {
        in.reset();
      }
      JsonNode root = MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw new BadFileException(shown + ": error: the file is empty; expected JSON");
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new BadFileException(shown + ": error: no such file");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? shown + ":" : shown + ":" + at.getLineNr() + ":"
          + at.getColumnNr() + ":";
      throw new BadFileException(where + " error: not valid JSON: "
          + JsonProblems.describe(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadFileException(shown + ": error: cannot read: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new BadFileException(shown + ": error: does not fit in this JVM's memory");
    }
  }


  /** A stream that ends in an error past {@code largest} bytes. */
  private static final class Bounded extends java.io.FilterInputStream {
    private final long largest;
    private final String shown;
    private long read;

    Bounded(InputStream in, long largest, String shown) {
      super(in);
      this.largest = largest;
      this.shown = shown;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    // A pipe (--init /dev/stdin, <(…)) has no size, and a file channel's stream then fails
    // to say how much is left ("Illegal seek"); 0, "not known", is always a true answer.
    @Override
    public int available() {
      try {
        return super.available();
      } catch (IOException e) {
        return 0;
      }
    }

    private void count(int n) {
      read += n;
      if (read > largest) {
        throw new BadFileException(shown + ": error: larger than " + largest + " bytes, the "
            + "most symgrad reads from a JSON file");
      }
    }
  }
}
