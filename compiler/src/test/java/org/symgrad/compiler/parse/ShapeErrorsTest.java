package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static org.symgrad.compiler.parse.ModelErrorsTest.assertAt;
import static org.symgrad.compiler.parse.ModelErrorsTest.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.diagnostic.Diagnostic;

/** Every error about arrays, indices and shapes: code, exact message, place, caret, hint. */
class ShapeErrorsTest {
  private static final String HEAD = "input x[4]\ntarget y\nparam w[4]\nparam W[3, 4]\n"; // 1-4

  /** The only error of {@code HEAD + lines}; lines are numbered from 5. */
  private static Diagnostic error(String... lines) {
    List<Diagnostic> errors = errors(HEAD + String.join("\n", lines) + "\n");
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void anUnboundIndex() {
    assertAt(error("model w[j] * x[0]"), "SG112", "unknown index 'j'", 5, 9, 1,
        "bind it with sum(j, …), or on the left of the line: let h[j] = …");
    assertAt(error("model sum(j, w[j] * x[k])"), "SG112", "unknown index 'k'", 5, 23, 1,
        "bind it with sum(k, …), or on the left of the line: let h[k] = …");
    // A data value cannot pick an element.
    assertAt(errors("input x[4]\ninput c\ntarget y\nparam w[4]\nmodel w[c]").get(0), "SG112",
        "'c' is an input, not an index", 5, 9, 1, "an index is a name bound by sum(j, …) or "
            + "by the line, or a whole number; elements cannot be picked by a data value");
  }

  @Test
  void theWrongNumberOfIndices() {
    assertAt(error("model sum(j, W[j] * x[j])"), "SG113",
        "'W' has 2 indices (shape [3, 4]), but 1 is given", 5, 14, 4, "write W[j, k]");
    assertAt(error("model sum(j, w[j, 0])"), "SG113",
        "'w' has 1 index (shape [4]), but 2 are given", 5, 14, 7, "write w[j]");
    assertAt(errors("input x\ntarget y\nparam w\nmodel x[0]").get(0), "SG113",
        "'x' is an input, not an array: it takes no index", 4, 7, 4, "use it as it is: x");
  }

  @Test
  void aVectorWhereANumberIsNeeded() {
    assertAt(error("model w * x[0]"), "SG114",
        "'w' is a param of shape [4], where a number is needed", 5, 7, 1,
        "index it, as in w[j] inside sum(j, …), or w[0]");
    assertAt(error("model W[0, 0] + x"), "SG114",
        "'x' is an input of shape [4], where a number is needed", 5, 17, 1,
        "index it, as in x[j] inside sum(j, …), or x[0]");
    assertAt(error("model sum(j, w[j]) + W"), "SG114",
        "'W' is a param of shape [3, 4], where a number is needed", 5, 22, 1,
        "index it, as in W[j, k] inside sum(j, …), or W[0, 0]");
    assertAt(error("let h[j] = w[j]", "model h"), "SG114",
        "'h' is a let of shape [4], where a number is needed", 6, 7, 1,
        "index it, as in h[j] inside sum(j, …), or h[0]");
  }

  @Test
  void rangesThatDisagree() {
    Diagnostic d = error("model sum(j, W[j, 0] * x[j])");
    assertAt(d, "SG115", "index 'j' ranges over 4 in 'x' but over 3 in 'W' at column 16", 5,
        26, 1, "an index has one range wherever it is used: the extents of the axes it "
            + "indexes must agree");
    assertThat(d.render()).isEqualTo("""
        m.sg:5:26: error [SG115] index 'j' ranges over 4 in 'x' but over 3 in 'W' at column 16
          model sum(j, W[j, 0] * x[j])
                                   ^
          an index has one range wherever it is used: the extents of the axes it indexes \
        must agree""");
    assertAt(error("let h[k] = W[k, k]", "model h[0]"), "SG115",
        "index 'k' ranges over 4 in 'W' but over 3 in 'W' at column 14", 5, 17, 1,
        "an index has one range wherever it is used: the extents of the axes it indexes "
            + "must agree");
  }

  @Test
  void anIndexBoundTwice() {
    assertAt(error("model sum(j, sum(j, w[j]))"), "SG116", "index 'j' is already bound", 5, 18,
        1, "it is bound at column 11; give this index another name");
    assertAt(error("let h[j] = sum(j, w[j])", "model h[0]"), "SG116",
        "index 'j' is already bound", 5, 16, 1,
        "it is bound at column 7; give this index another name");
    assertAt(error("let h[j, j] = w[j]", "model h[0]"), "SG116", "index 'j' is already bound",
        5, 10, 1, "it is bound at column 7; give this index another name");
    assertAt(error("model sum(x, w[x])"), "SG116", "index 'x' has the name of an input", 5, 11,
        1, "an index needs a name of its own, such as j or k");
  }

  @Test
  void anIndexNothingIndexes() {
    String hint = "an index takes its range from the arrays it indexes, as j in w[j]";
    assertAt(error("model sum(j, 2) * w[0]"), "SG117",
        "index 'j' is not used, so its range is unknown", 5, 11, 1, hint);
    assertAt(error("let h[j] = w[0]", "model h[0]"), "SG117",
        "index 'j' is not used, so its range is unknown", 5, 7, 1, hint);
  }

  @Test
  void wholeNumberIndices() {
    assertAt(error("model w[4]"), "SG118", "index '4' is out of range for 'w'", 5, 9, 1,
        "that axis has 4 elements, indexed 0 to 3");
    assertAt(error("model W[0, 4]"), "SG118", "index '4' is out of range for 'W'", 5, 12, 1,
        "that axis has 4 elements, indexed 0 to 3");
    assertAt(error("model w[1.5]"), "SG119", "index '1.5' is not a whole number", 5, 9, 3,
        "an index is a bound name, as j in sum(j, …), or a whole number from 0");
  }

  @Test
  void onlyNamesAndNumbersGoInBrackets() {
    String hint = "an index is a bound name, as j in sum(j, …), or a whole number; separate "
        + "them with ','";
    assertAt(error("model sum(j, w[j+1])"), "SG119", "unexpected '+' in an index", 5, 17, 1,
        hint);
    assertAt(error("model w[-1]"), "SG119", "unexpected '-' in an index", 5, 9, 1, hint);
    assertAt(error("model w[]"), "SG119", "unexpected ']' in an index", 5, 9, 1, hint);
    assertAt(error("model w[0"), "SG105", "unclosed '[': expected ']'", 5, 8, 1,
        "the expression ends before this '[' is closed");
  }

  @Test
  void anIndexIsNotANumber() {
    assertAt(error("model sum(j, j * w[j])"), "SG121", "index 'j' is used as a number", 5, 14,
        1, "an index can only stand in brackets, as in w[j]");
  }

  @Test
  void sumTakesAnIndexAndAnExpression() {
    String hint = "write it as sum(j, w[j] * x[j]): the index, a comma, then what to add up";
    assertAt(error("model sum(w[0])"), "SG104", "sum takes an index and an expression", 5, 12,
        1, hint);
    assertAt(error("model sum(2, w[0])"), "SG104", "sum takes an index and an expression", 5,
        11, 1, hint);
    assertAt(error("model sum(j, w[j], x[j])"), "SG102", "unexpected ','", 5, 18, 1,
        "sum takes one expression after its index: sum(j, …)");
    assertAt(error("model sum(j, w[j]"), "SG105", "unclosed '(': expected ')'", 5, 10, 1,
        "the expression ends before this '(' is closed");
  }

  @Test
  void badShapes() {
    assertAt(errors("input x[0]\ntarget y\nparam w\nmodel w").get(0), "SG220",
        "extent '0' is not a whole number of at least 1", 1, 9, 1,
        "write the size of each axis: x[13] or x[13, 4]");
    assertAt(error("param v[2.5]", "model w[0]"), "SG220",
        "extent '2.5' is not a whole number of at least 1", 5, 9, 3,
        "write the size of each axis: v[13] or v[13, 4]");
    assertAt(error("param v[n]", "model w[0]"), "SG220", "unexpected 'n' in the shape of 'v'",
        5, 9, 1, "write the size of each axis: v[13] or v[13, 4]");
    assertAt(error("param v[3 4]", "model w[0]"), "SG102", "unexpected '4'", 5, 11, 1,
        "separate the extents with ','");
    assertAt(error("param v[3", "model w[0]"), "SG105", "unclosed '[': expected ']'", 5, 8, 1,
        "the line ends before this '[' is closed");
    assertAt(errors("input X[2, 3]\ntarget y\nparam w\nmodel w").get(0), "SG220",
        "an input has one axis, not 2", 1, 8, 1,
        "an input reads one column per element: input x[4] reads x0, x1, x2, x3");
    assertAt(error("param v[5000, 5000]", "model w[0]"), "SG220",
        "'v' has more than 4194304 elements", 5, 8, 12,
        "symgrad writes arrays out element by element; this one is too large");
    assertAt(error("model out[k, j] = W[k, j]", "loss cross_entropy"), "SG220",
        "a model's output has one index", 5, 14, 1, "write it as: model out[k] = …");
  }

  @Test
  void incompleteVectorLines() {
    assertAt(error("model out[k] =", "loss cross_entropy"), "SG211",
        "'model out[…]' needs an expression after '='", 5, 14, 1,
        "write it as: model out[k] = sum(j, W[k, j] * x[j])");
    assertAt(error("let h[j]", "model w[0]"), "SG211", "'let h[j]' needs '=' and an expression",
        5, 8, 1, "write it as: let t_un = 0.1 * t_u");
    assertAt(error("param v[2] 1", "model w[0]"), "SG213", "unexpected '1' after 'param v[2]'",
        5, 12, 1, "write it as: param w = 1.0");
    assertAt(errors("input x[2] y\ntarget t\nparam w\nmodel w").get(0), "SG213",
        "unexpected 'y' after 'input x[2]'", 1, 12, 1,
        "name its columns after '=': input x[2] = a, b, …");
  }

  @Test
  void columnsOfAVectorInput() {
    assertAt(errors("input x[2] = a\ntarget y\nparam w\nmodel w").get(0), "SG221",
        "'input x[2]' has 2 elements but names 1 column", 1, 14, 1,
        "name one column for each element, in order");
    assertAt(errors("input x[2] = a, 3\ntarget y\nparam w\nmodel w").get(0), "SG221",
        "expected a column name, found '3'", 1, 17, 1,
        "name one column for each element: input x[2] = a, b, …");
    assertAt(errors("input x[2]\ntarget x0\nparam w\nmodel w").get(0), "SG221",
        "'x0' is already a column of input 'x'", 2, 8, 2, "on line 1; a column has one role");
    assertAt(errors("param a\ninput x[2] = a, b\ntarget y\nmodel a").get(0), "SG221",
        "column 'a' of 'x' is already declared as a param", 2, 7, 1,
        "on line 1; a column has one role");
    assertAt(errors("input u[2] = a, b\ninput v[1] = b\ntarget y\nparam w\nmodel w").get(0),
        "SG221", "column 'b' of 'v' is already a column of input 'u'", 2, 7, 1,
        "on line 1; a column has one role");
  }

  @Test
  void lossesMustFitTheOutput() {
    assertAt(error("model out[k] = W[k, 0]", "loss mse"), "SG222",
        "'mse' compares one prediction with the target, but the model has 3 outputs", 6, 6, 3,
        "for classes, use cross_entropy; else write a loss expression over pred[k]");
    assertAt(error("model out[k] = W[k, 0]", "loss huber(1)"), "SG222",
        "'huber' compares one prediction with the target, but the model has 3 outputs", 6, 6,
        5, "for classes, use cross_entropy; else write a loss expression over pred[k]");
    assertAt(error("model out[k] = W[k, 0]"), "SG222", "a model with 3 outputs needs a loss line",
        5, 7, 3, "for classes, add: loss cross_entropy; else a loss expression over pred[k]");
    assertAt(error("model w[0]", "loss cross_entropy"), "SG222",
        "cross_entropy needs a vector of 2 or more class scores, but the model has one output",
        6, 6, 13, "write the model as: model out[k] = …, one score per class; for two classes, "
            + "bce_logits on one score is the same");
    assertAt(error("model w[0]", "loss (pred[0] - target)^2"), "SG113",
        "'pred' is the prediction, not an array: it takes no index", 6, 7, 7,
        "use it as it is: pred");
    assertAt(error("model out[k] = W[k, 0]", "loss (pred - target)^2"), "SG114",
        "'pred' is the prediction of shape [3], where a number is needed", 6, 7, 4,
        "index it, as in pred[j] inside sum(j, …), or pred[0]");
  }

  @Test
  void aFailedVectorLineRaisesNoSecondError() {
    List<Diagnostic> errors = errors(HEAD + "let h[j] = w[j] +\nmodel sum(j, h[j])\n");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).line()).isEqualTo(5);
  }

  @Test
  void freeExpressionsHaveNoArrays() {
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(
        org.symgrad.compiler.diagnostic.SymgradException.class,
        () -> Expressions.parse("sum(j, w[j])", new org.symgrad.compiler.graph.Graph()))
        .first().code()).isEqualTo("SG111");
  }
}
