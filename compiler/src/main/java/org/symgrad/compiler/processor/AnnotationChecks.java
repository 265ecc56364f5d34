package org.symgrad.compiler.processor;

import java.util.List;
import javax.annotation.processing.Messager;
import org.symgrad.compiler.diagnostic.ErrorCode;

/**
 * What a {@code @SymbolicModel} must be before its values are read as a model: either a
 * {@code source} or inline elements, with the inline model complete, and every value one line
 * of a model file. Each problem is reported where it is, in annotation terms, before the
 * parser could report it in model-file terms.
 */
final class AnnotationChecks {
  private AnnotationChecks() {}

  /** Whether the annotation can be read as a model; reports every problem otherwise. */
  static boolean check(ModelAnnotation annotation, Messager messager) {
    Reporter reporter = new Reporter(annotation, messager);
    if (annotation.isWritten("source")) {
      if (annotation.string("source").isBlank()) {
        reporter.invalid("source", -1, "source is empty: name a model file, such as "
            + "source = \"thermometer.sg\"");
      }
      for (String element : InlineModel.ELEMENTS) {
        if (annotation.isWritten(element)) {
          reporter.invalid(element, -1, element + " is set together with source: the model "
              + "comes either from the file or from the inline elements; drop one of them");
        }
      }
      return reporter.ok;
    }
    if (annotation.string("target").isBlank()) {
      reporter.invalid("target", -1, "no target: name the data column to predict, such as "
          + "target = \"t_c\"");
    }
    if (annotation.strings("params").isEmpty()) {
      reporter.invalid("params", -1, "no params: declare what to fit, such as "
          + "params = {\"w = 1.0\", \"b = 0.0\"}");
    }
    if (annotation.string("model").isBlank()) {
      reporter.invalid("model", -1, "no model: write the expression to fit, such as "
          + "model = \"w * t_u + b\", or name a model file with source = \"….sg\"");
    }
    if (annotation.string("loss").isBlank()) {
      reporter.invalid("loss", -1, "loss is empty: leave it out for mse, or name one, such "
          + "as loss = \"mae\"");
    }
    for (String element : List.of("inputs", "params", "lets")) {
      List<String> values = annotation.strings(element);
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).isBlank()) {
          reporter.invalid(element, i, element + "[" + i + "] is empty");
        }
        reporter.oneLine(element, i, values.get(i));
      }
    }
    for (String element : List.of("target", "model", "loss", "penalty")) {
      reporter.oneLine(element, -1, annotation.string(element));
    }
    return reporter.ok;
  }

  private static final class Reporter {
    private final ModelAnnotation annotation;
    private final Messager messager;
    private boolean ok = true;

    Reporter(ModelAnnotation annotation, Messager messager) {
      this.annotation = annotation;
      this.messager = messager;
    }

    void invalid(String element, int index, String message) {
      report(element, index, ErrorCode.INVALID_ANNOTATION, message);
    }

    // A model file has one declaration a line, and '#' starts a comment: a value holding
    // either would quietly become something else.
    void oneLine(String element, int index, String value) {
      int at = indexOfAny(value, "\n\r#");
      if (at >= 0) {
        String where = index < 0 ? element : element + "[" + index + "]";
        String what = value.charAt(at) == '#' ? "a '#'" : "a line break";
        report(element, index, ErrorCode.NOT_ONE_LINE, where + " holds " + what
            + " at column " + (at + 1) + "; each value is one line of a model file, where '#' "
            + "starts a comment");
      }
    }

    private void report(String element, int index, ErrorCode code, String message) {
      ok = false;
      annotation.error(messager, element, index, "[" + code.id() + "] " + message);
    }

    private static int indexOfAny(String text, String chars) {
      for (int i = 0; i < text.length(); i++) {
        if (chars.indexOf(text.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
