package org.symgrad.compiler.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.Diagnostic;

/**
 * The text of a model file written from the inline elements of a {@code @SymbolicModel}, one
 * value a line ({@code params = {"w = 1.0"}} becomes {@code param w = 1.0}), which the model
 * parser then reads like any file. Each line remembers the value it came from, so that an
 * error's line and column lead back to that value and to the column inside it.
 */
final class InlineModel {
  /** The elements that declare a model inline, in the order their lines are written. */
  static final List<String> ELEMENTS =
      List.of("inputs", "target", "params", "lets", "model", "loss", "penalty");

  /**
   * Where a line of the text came from.
   *
   * @param element the annotation element ({@code params})
   * @param index the item of an array element, or -1 for a single value
   * @param prefix what the line holds before the value ({@code "param "})
   * @param value the value as written in the annotation
   */
  record Origin(String element, int index, String prefix, String value) {
    /** {@code model}, or {@code params[1]}. */
    String where() {
      return index < 0 ? element : element + "[" + index + "]";
    }
  }

  private static final Pattern ON_LINE = Pattern.compile("on line (\\d+)");

  private final List<Origin> lines;
  private final String text;

  private InlineModel(List<Origin> lines) {
    this.lines = List.copyOf(lines);
    StringBuilder text = new StringBuilder();
    for (Origin line : lines) {
      text.append(line.prefix()).append(line.value()).append('\n');
    }
    this.text = text.toString();
  }

  /** The lines for the annotation's inline values; blank penalty means none. */
  static InlineModel of(ModelAnnotation annotation) {
    List<Origin> lines = new ArrayList<>();
    items(lines, "inputs", "input ", annotation.strings("inputs"));
    lines.add(new Origin("target", -1, "target ", annotation.string("target")));
    items(lines, "params", "param ", annotation.strings("params"));
    items(lines, "lets", "let ", annotation.strings("lets"));
    lines.add(new Origin("model", -1, "model ", annotation.string("model")));
    lines.add(new Origin("loss", -1, "loss ", annotation.string("loss")));
    String penalty = annotation.string("penalty");
    if (!penalty.isBlank()) {
      lines.add(new Origin("penalty", -1, "penalty ", penalty));
    }
    return new InlineModel(lines);
  }

  private static void items(List<Origin> lines, String element, String prefix,
      List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      lines.add(new Origin(element, i, prefix, values.get(i)));
    }
  }

  /** The model file's text. */
  String text() {
    return text;
  }

  /** The value that line {@code line} (1-based) came from, or null past the last one. */
  @Nullable Origin origin(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
  }

  /**
   * {@code diagnostic}, found in this text, as it reads against the value its line came from:
   * the column counted inside the value, the value as the line under which the caret stands;
   * null for a diagnostic about no line in particular (a declaration missing from the model).
   */
  @Nullable Diagnostic inValue(Diagnostic diagnostic) {
    Origin origin = origin(diagnostic.line());
    if (origin == null || diagnostic.sourceLine() == null) {
      return null;
    }
    // An error in the keyword that was added (an empty value) points at the value's start.
    int column = Math.max(1, diagnostic.column() - origin.prefix().length());
    return new Diagnostic(diagnostic.errorCode(), origin.where(), 1, column, diagnostic.length(),
        diagnostic.message(), origin.value(), hint(diagnostic.hint()));
  }

  // The parser's hints place another declaration by its line in this text, which the user
  // never sees: "'w' is first declared on line 4" becomes "… declared in params[0]".
  private @Nullable String hint(@Nullable String hint) {
    if (hint == null) {
      return null;
    }
    return ON_LINE.matcher(hint).replaceAll(match -> {
      Origin origin = origin(Integer.parseInt(match.group(1)));
      return origin == null ? match.group() : "in " + origin.where();
    });
  }
}
