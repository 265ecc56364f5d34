package org.symgrad.compiler.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * Reads a model file ({@code .sg}) into a checked {@link ModelDefinition}:
 *
 * <pre>
 * # Celsius from an uncalibrated thermometer
 * data   thermometer.csv        # default data, relative to this file (optional)
 * input  t_u                    # a data column
 * target t_c                    # the column to predict
 * param  w = 1.0                # a constant, uniform(a, b) or normal(mean, std); 0 if omitted
 * param  b = 0.0
 * let    t_un = 0.1 * t_u       # a named intermediate, usable below its line
 * model  w * t_un + b
 * loss   mse                    # mse (the default) | mae | huber(delta) | bce_logits
 *                               # | an expression in pred and target
 * penalty 0.0                   # optional, parameters only, added to the mean loss
 * </pre>
 *
 * <p>Arrays, index sums and vector outputs:
 *
 * <pre>
 * input  x[4]                   # columns x0, x1, x2, x3
 * input  t[2] = t_u, t_v        # or columns named one per element
 * param  W[13, 4] = linear_init(4)   # row-major; linear_init(fan_in) is nn.Linear's init
 * param  b[13] = uniform(-0.5, 0.5)  # every element drawn from the run's seed
 * param  V[3, 13]
 * let    h[j] = tanh(sum(k, W[j, k] * x[k]) + b[j])
 * model  out[c] = sum(j, V[c, j] * h[j])    # a vector output: predict writes each
 * loss   cross_entropy          # over the outputs, with the target a class 0 … K-1
 * </pre>
 *
 * An index is a name bound by {@code sum(j, …)} for the sum's body, or by the line ({@code
 * let h[j]}, {@code model out[c]}); it takes its range from the arrays it indexes, as in
 * einsum, and every use must agree. Brackets hold bound indices and whole numbers ({@code
 * w[0]}). A vector cannot stand where a number is needed. All of it is expanded into scalar
 * nodes as it is read, so {@code w[3]} is a variable and a sum a chain of additions.
 *
 * <p>One declaration a line; {@code #} starts a comment. Required: {@code model}, {@code
 * target} and at least one {@code param}; inputs, params and the target may be declared in any
 * order, lets only above their use. Every error in the file is reported, in file order, in one
 * {@link SymgradException}, each with its code, line, column and caret.
 */
public final class ModelParser {
  private static final String EXTENSION = ".sg";

  private ModelParser() {}

  /**
   * The model in {@code text}.
   *
   * @param sourceName what messages call the text, usually its file name: {@code
   *     thermometer.sg}; the model's name is its base name without {@code .sg}
   * @throws SymgradException for any text that is not a valid model, and no other exception
   */
  public static ModelDefinition parse(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte order mark is not part of the first line
    }
    return FileReader.of(new SourceText(sourceName, text), baseName(sourceName)).read();
  }

  /**
   * The model in {@code file}, read as UTF-8. Messages name the file by its file name,
   * without its directory, as generated code does.
   *
   * @throws SymgradException if the file cannot be read, is not UTF-8, or is not a valid model
   */
  public static ModelDefinition parseFile(Path file) {
    Path fileName = file.getFileName();
    String sourceName = fileName == null ? file.toString() : fileName.toString();
    String text;
    try {
      text = utf8(Files.readAllBytes(file), file, sourceName);
    } catch (NoSuchFileException e) {
      throw unreadable(file, sourceName, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(file, sourceName, "permission denied");
    } catch (IOException | SecurityException e) {
      throw unreadable(file, sourceName,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return parse(text, sourceName);
  }

  // The text of bytes that must be UTF-8; else an error at the line and column of the first
  // byte that is not, with the line up to it above the caret.
  private static String utf8(byte[] bytes, Path file, String sourceName) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    String decoded = out.flip().toString();
    if (!result.isError()) {
      return decoded;
    }
    if (decoded.startsWith("\uFEFF")) {
      decoded = decoded.substring(1); // columns counted as parse() counts them
    }
    String hint = String.format(Locale.ROOT, "byte 0x%02x here is not UTF-8: save the file as "
        + "UTF-8", bytes[in.position()] & 0xff);
    throw new SourceText(sourceName, decoded).error(ErrorCode.UNREADABLE_FILE,
        decoded.length(), 1, "cannot read " + file + ": it is not valid UTF-8", hint);
  }

  private static SymgradException unreadable(Path file, String sourceName, String reason) {
    return new SymgradException(new Diagnostic(ErrorCode.UNREADABLE_FILE, sourceName, 1, 1, 1,
        "cannot read " + file + ": " + reason, null, null));
  }

  /** {@code models/thermometer.sg} is called {@code thermometer}. */
  static String baseName(String sourceName) {
    String name = sourceName.substring(
        Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    return name.endsWith(EXTENSION) && name.length() > EXTENSION.length()
        ? name.substring(0, name.length() - EXTENSION.length())
        : name;
  }
}
