package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;

/** Every model-file error: code, exact message, line, column in the file's line, hint. */
class ModelErrorsTest {
  private static final String HEAD = "input x\ntarget y\nparam w\n"; // lines 1-3

  static List<Diagnostic> errors(String text) {
    return assertThrows(SymgradException.class, () -> ModelParser.parse(text, "m.sg"))
        .diagnostics();
  }

  /** The only error of {@code HEAD + lines}; lines are numbered from 4. */
  static Diagnostic error(String... lines) {
    List<Diagnostic> errors = errors(HEAD + String.join("\n", lines) + "\n");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).source()).isEqualTo("m.sg");
    return errors.get(0);
  }

  static void assertAt(Diagnostic d, String code, String message, int line, int column,
      int length, String hint) {
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.message()).isEqualTo(message);
    assertThat(d.line()).isEqualTo(line);
    assertThat(d.column()).isEqualTo(column);
    assertThat(d.length()).isEqualTo(length);
    assertThat(d.hint()).isEqualTo(hint);
  }

  @Test
  void columnsCountWithinTheFileLine() {
    Diagnostic d = error("model  sinh2(w * x) + 1");
    assertAt(d, "SG103", "unknown function 'sinh2'", 4, 8, 5, d.hint());
    assertThat(d.render()).startsWith("""
        m.sg:4:8: error [SG103] unknown function 'sinh2'
          model  sinh2(w * x) + 1
                 ^^^^^
          did you mean 'sinh'? known functions: abs, acos,""");
    assertAt(error("let a = 2 * (x + 1", "model w * a"), "SG105",
        "unclosed '(': expected ')'", 4, 13, 1, "the expression ends before this '(' is closed");
    assertAt(error("param v = 1 +* 2", "model w * v"), "SG102", "unexpected '*'", 4, 14, 1,
        "expected a number, a name, '(' or '-' after '+'");
    assertAt(error("model w * x +   # comment"), "SG102", "unexpected end of expression", 4, 14,
        1, "expected a number, a name, '(' or '-' after '+'");
    assertAt(error("model\tw * x y"), "SG107", "missing operator between 'x' and 'y'", 4, 13,
        1, "insert an operator, such as '*', between them");
  }

  @Test
  void unknownDeclaration() {
    assertAt(error("modle w * x", "model w"), "SG200", "unknown declaration 'modle'", 4, 1, 5,
        "did you mean 'model'? a line starts with one of: "
            + "data, input, target, param, let, model, loss, penalty");
    assertAt(error("model w * x", "  Loss mae"), "SG200", "unknown declaration 'Loss'", 5, 3, 4,
        "did you mean 'loss'? a line starts with one of: "
            + "data, input, target, param, let, model, loss, penalty");
    assertAt(error("model w * x", "= 3"), "SG200", "expected a declaration, found '='", 5, 1, 1,
        "a line starts with one of: data, input, target, param, let, model, loss, penalty");
    assertThat(error("model w * x", "\u00A0loss mae").message())
        .isEqualTo("expected a declaration, found U+00A0 NO-BREAK SPACE");
  }

  @Test
  void duplicateName() {
    assertAt(error("param w = 2", "model w * x"), "SG201", "duplicate param 'w'", 4, 7, 1,
        "'w' is first declared on line 3");
    assertAt(error("input x", "model w * x"), "SG201", "duplicate input 'x'", 4, 7, 1,
        "'x' is first declared on line 1");
  }

  @Test
  void nameDeclaredWithTwoRoles() {
    assertAt(error("param x", "model w * x"), "SG202", "'x' is already declared as an input",
        4, 7, 1, "on line 1; a name has one role");
    assertAt(error("let w = 2 * x", "model w * x"), "SG202",
        "'w' is already declared as a param", 4, 5, 1, "on line 3; a name has one role");
    assertAt(error("input y", "model w * x"), "SG202", "'y' is already declared as the target",
        4, 7, 1, "on line 2; a name has one role");
  }

  @Test
  void duplicateDeclaration() {
    assertAt(error("model w * x", "model w"), "SG203", "duplicate 'model' declaration", 5, 1, 5,
        "a model file has one; the first is on line 4");
    assertAt(error("target z", "model w * x"), "SG203", "duplicate 'target' declaration", 4, 1,
        6, "a model file has one; the first is on line 2");
    assertAt(error("model w * x", "loss mse", "loss mae"), "SG203",
        "duplicate 'loss' declaration", 6, 1, 4, "a model file has one; the first is on line 5");
    assertAt(error("data a.csv", "data b.csv", "model w"), "SG203",
        "duplicate 'data' declaration", 5, 1, 4, "a model file has one; the first is on line 4");
    assertAt(error("penalty w", "model w", "penalty 0"), "SG203",
        "duplicate 'penalty' declaration", 6, 1, 7,
        "a model file has one; the first is on line 4");
  }

  @Test
  void unknownName() {
    assertAt(error("param b", "let z = 2", "model w * t_u + b + z"), "SG204",
        "unknown name 't_u'", 6, 11, 3, "declared names: b, w, x, z");
    assertAt(error("param bias", "model w * x + bais"), "SG204", "unknown name 'bais'", 5, 15, 4,
        "did you mean 'bias'? declared names: bias, w, x");
    assertAt(error("model w * x", "penalty w + q"), "SG204", "unknown name 'q'", 5, 13, 1,
        "declared names: w");
    assertAt(error("model w * x", "loss (pred - t)^2"), "SG204", "unknown name 't'", 5, 14, 1,
        "a loss expression can use only 'pred' and 'target'");
  }

  @Test
  void letBeforeItsDeclaration() {
    assertAt(error("model w * t_un", "let t_un = 0.1 * x"), "SG205",
        "'t_un' is used before its declaration", 4, 11, 4,
        "it is declared on line 5; move that line above this one");
    assertAt(error("let a = a + 1", "model w * a"), "SG205", "'a' is used in its own definition",
        4, 9, 1, "a let can use only names declared above it");
  }

  @Test
  void targetInTheModel() {
    assertAt(error("model w * x + y"), "SG206", "the model cannot use the target 'y'", 4, 15, 1,
        "the model predicts 'y' from the inputs and params");
    assertAt(error("let e = y - x", "model w * x"), "SG206", "a let cannot use the target 'y'",
        4, 9, 1, "the model predicts 'y' from the inputs and params");
  }

  @Test
  void penaltyUsesParametersOnly() {
    String hint = "the penalty is added once to the mean loss, outside the per-sample sum";
    assertAt(error("model w * x", "penalty 0.1 * x"), "SG207",
        "the penalty can use parameters only, but 'x' is an input", 5, 15, 1, hint);
    assertAt(error("model w * x", "penalty y"), "SG207",
        "the penalty can use parameters only, but 'y' is the target", 5, 9, 1, hint);
    assertAt(error("let s = w * x", "model s", "penalty s^2"), "SG207",
        "the penalty can use parameters only, but let 's' depends on an input 'x'", 6, 9, 1,
        hint);
  }

  @Test
  void reservedNames() {
    String lossHint =
        "in a loss expression, 'pred' is the prediction and 'target' the target column";
    assertAt(error("param pred", "model w"), "SG208", "'pred' is reserved", 4, 7, 4, lossHint);
    assertAt(error("input target", "model w"), "SG208", "'target' is reserved", 4, 7, 6,
        lossHint);
    assertAt(error("let exp = 2", "model w"), "SG208", "'exp' is the name of a function", 4, 5,
        3, "choose another name");
    assertAt(error("param sum", "model w"), "SG208", "'sum' is reserved for index sums", 4, 7, 3,
        "choose another name");
    // The target column may be called 'target', and is then used like any target.
    assertAt(errors("input x\ntarget target\nparam w\nmodel w * target").get(0), "SG206",
        "the model cannot use the target 'target'", 4, 11, 6,
        "the model predicts 'target' from the inputs and params");
  }

  @Test
  void predAndTargetOutsideALoss() {
    String hint = "in a loss expression, 'pred' is the prediction and 'target' the target column";
    assertAt(error("model w * pred"), "SG209", "'pred' is only meaningful in a loss expression",
        4, 11, 4, hint);
    assertAt(error("model w", "penalty target"), "SG209",
        "'target' is only meaningful in a loss expression", 5, 9, 6, hint);
  }

  @Test
  void missingDeclarations() {
    List<Diagnostic> errors = errors("# nothing\ninput x\n");
    assertThat(errors.stream().map(Diagnostic::message).toList()).containsExactly(
        "missing 'model' declaration", "missing 'target' declaration", "no 'param' declared")
        .inOrder();
    for (Diagnostic d : errors) {
      assertThat(d.code()).isEqualTo("SG210");
      assertThat(d.line()).isEqualTo(3); // the end of the file
      assertThat(d.column()).isEqualTo(1);
      assertThat(d.sourceLine()).isNull();
    }
    assertThat(errors.get(0).hint()).isEqualTo("add a line such as: model w * x + b");
    assertThat(errors.get(1).hint())
        .isEqualTo("add a line naming the data column to predict, such as: target y");
    assertThat(errors.get(2).hint())
        .isEqualTo("add a line such as: param w = 0.0; a model needs a parameter to fit");
    assertThat(errors("").stream().map(Diagnostic::code).toList())
        .containsExactly("SG210", "SG210", "SG210");
    assertThat(errors.get(0).render()).isEqualTo("m.sg:3:1: error [SG210] missing 'model' "
        + "declaration\n  add a line such as: model w * x + b");
  }

  @Test
  void incompleteDeclarations() {
    assertAt(error("data", "model w"), "SG211", "'data' needs a file path", 4, 1, 4,
        "write it as: data thermometer.csv");
    assertAt(error("data   # nothing", "model w"), "SG211", "'data' needs a file path", 4, 1, 4,
        "write it as: data thermometer.csv");
    assertAt(error("model w", "input"), "SG211", "'input' needs a name", 5, 1, 5,
        "write it as: input t_u");
    assertAt(error("model w", "param v ="), "SG211", "'param v' needs an initializer after '='",
        5, 9, 1, "write it as: param w = 1.0");
    assertAt(error("model w", "let a"), "SG211", "'let a' needs '=' and an expression", 5, 5, 1,
        "write it as: let t_un = 0.1 * t_u");
    assertAt(error("model w", "let a =  # later"), "SG211",
        "'let a' needs an expression after '='", 5, 7, 1, "write it as: let t_un = 0.1 * t_u");
    assertAt(error("model"), "SG211", "'model' needs an expression", 4, 1, 5, null);
    assertAt(error("model w", "penalty"), "SG211", "'penalty' needs an expression", 5, 1, 7,
        null);
    assertAt(error("model w", "loss  "), "SG211",
        "'loss' needs mse, mae, huber(delta), bce_logits, cross_entropy or an expression in "
            + "pred and target",
        5, 1, 4, null);
  }

  @Test
  void declarationWithoutAName() {
    assertAt(error("input 3x", "model w"), "SG212", "expected a name after 'input', found '3'",
        4, 7, 1, "a name is a letter or '_' followed by letters, digits and '_'");
    assertAt(error("param = 1", "model w"), "SG212", "expected a name after 'param', found '='",
        4, 7, 1, "a name is a letter or '_' followed by letters, digits and '_'");
    assertAt(error("input é", "model w"), "SG101",
        "unexpected character 'é' (U+00E9 LATIN SMALL LETTER E WITH ACUTE)", 4, 7, 1, null);
  }

  @Test
  void textAfterADeclaration() {
    assertAt(error("input a b", "model w"), "SG213", "unexpected 'b' after 'input a'", 4, 9, 1,
        "declare one input a line");
    assertAt(error("input a, b", "model w"), "SG213", "unexpected ',' after 'input a'", 4, 8, 1,
        "declare one input a line");
    assertAt(error("param v 1.0", "model w"), "SG213", "unexpected '1.0' after 'param v'", 4, 9,
        3, "write it as: param w = 1.0");
    assertAt(error("let a 2", "model w"), "SG213", "unexpected '2' after 'let a'", 4, 7, 1,
        "write it as: let t_un = 0.1 * t_u");
    assertAt(error("param v = uniform(0, 1) * 2", "model w"), "SG213",
        "unexpected '*' after 'uniform(…)'", 4, 25, 1, "uniform(low, high) stands alone");
    assertAt(error("model w", "loss mse + 1"), "SG213", "unexpected '+' after 'mse'", 5, 10, 1,
        "a named loss stands alone; for more, write an expression in pred and target");
  }

  @Test
  void badInitializers() {
    assertAt(error("param v = x", "model w"), "SG214",
        "an initializer must be a constant, but uses the name 'x'", 4, 11, 1,
        "write a number or an expression of numbers");
    assertAt(error("param v = 2 * v", "model w"), "SG214",
        "an initializer must be a constant, but uses the name 'v'", 4, 15, 1,
        "write a number or an expression of numbers");
    assertAt(error("param v = 1 / 0", "model w"), "SG214",
        "the initializer of 'v' is not a finite number: it evaluates to Infinity", 4, 11, 5,
        "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    assertAt(error("param v = log(-1)", "model w"), "SG214",
        "the initializer of 'v' is not a finite number: it evaluates to NaN", 4, 11, 7,
        "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    assertAt(error("param v = uniform(1, -1)", "model w"), "SG214",
        "uniform(1, -1) needs low <= high", 4, 11, 14, "the values are drawn from [low, high)");
    assertAt(error("param v = uniform(-1e308, 1e308)", "model w"), "SG214",
        "uniform(-1.0e308, 1.0e308) is wider than a double holds: high - low overflows", 4, 11,
        22, "use a range whose width is at most 1.7976931348623157e308");
    assertAt(error("param v = linear_init(0.5)", "model w"), "SG214",
        "linear_init(0.5) needs a whole number fan_in >= 1", 4, 11, 16,
        "fan_in is the number of inputs of the layer, as in nn.Linear(fan_in, …)");
    assertAt(error("param v = normal(0, -0.5)", "model w"), "SG214",
        "normal(0, -0.5) needs std >= 0", 4, 11, 15,
        "std is the standard deviation of the values drawn");
    assertAt(error("param v = normal(0, 1/0)", "model w"), "SG214",
        "the initializer of 'v' is not a finite number: it evaluates to Infinity", 4, 21, 3,
        "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    assertAt(error("param v = uniform(0)", "model w"), "SG104",
        "uniform takes 2 arguments, got 1", 4, 11, 10, "call it as uniform(low, high)");
    assertAt(error("param v = normal()", "model w"), "SG104",
        "normal takes 2 arguments, got 0", 4, 11, 8, "call it as normal(mean, std)");
    assertAt(error("param v = uniform(0, 1", "model w"), "SG105",
        "unclosed '(': expected ')'", 4, 18, 1, "the line ends before this '(' is closed");
    assertAt(error("param v = uniform(0,, 1)", "model w"), "SG102", "unexpected ','", 4, 21, 1,
        "expected an argument");
    assertAt(error("param v = 2 * uniform(0, 1)", "model w"), "SG103",
        "unknown function 'uniform'", 4, 15, 7, error("param v = 2 * uniform(0, 1)",
            "model w").hint());
  }

  @Test
  void unknownLoss() {
    String known = "known losses: mse, mae, huber(delta), bce_logits, cross_entropy, or an "
        + "expression in pred and target";
    assertAt(error("model w", "loss mse2"), "SG215", "unknown loss 'mse2'", 5, 6, 4,
        "did you mean 'mse'? " + known);
    assertAt(error("model w", "loss hubber(1)"), "SG215", "unknown loss 'hubber'", 5, 6, 6,
        "did you mean 'huber'? " + known);
    assertAt(error("model w", "loss crossentropy"), "SG215", "unknown loss 'crossentropy'", 5,
        6, 12, "did you mean 'cross_entropy'? " + known);
    assertAt(error("model w", "loss softmax"), "SG215", "unknown loss 'softmax'", 5, 6, 7,
        known);
  }

  @Test
  void badLossArguments() {
    assertAt(error("model w", "loss huber"), "SG216", "'huber' needs its delta", 5, 6, 5,
        "write it as: loss huber(1.0)");
    assertAt(error("model w", "loss huber(0)"), "SG216", "huber needs delta > 0, got 0", 5, 6,
        8, "delta is where the loss turns from quadratic to linear");
    assertAt(error("model w", "loss huber(-0.5)"), "SG216", "huber needs delta > 0, got -0.5",
        5, 6, 11, "delta is where the loss turns from quadratic to linear");
    assertAt(error("model w", "loss huber(1/0)"), "SG216",
        "huber's delta is not a finite number: it evaluates to Infinity", 5, 12, 3,
        "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    assertAt(error("model w", "loss huber(w)"), "SG216",
        "huber's delta must be a constant, but uses the name 'w'", 5, 12, 1,
        "write a number or an expression of numbers");
    assertAt(error("model w", "loss huber(1, 2)"), "SG104", "huber takes 1 argument, got 2", 5,
        6, 11, "call it as huber(delta)");
    assertAt(error("model w", "loss mse(2)"), "SG216", "'mse' takes no arguments", 5, 9, 1,
        "write it as: loss mse");
  }

  @Test
  void lossExpressionsUsePredAndTargetOnly() {
    assertAt(error("model w * x", "loss (pred - target)^2 + 0.1 * w^2"), "SG217",
        "a loss expression can use only 'pred' and 'target', but 'w' is a param", 5, 32, 1,
        "write terms in parameters in 'penalty'");
    assertAt(error("model w * x", "loss abs(pred - y)"), "SG217",
        "a loss expression can use only 'pred' and 'target', but 'y' is the target", 5, 17, 1,
        "write 'target' for the target column");
    assertAt(error("model w * x", "loss x * (pred - target)^2"), "SG217",
        "a loss expression can use only 'pred' and 'target', but 'x' is an input", 5, 6, 1,
        "the loss compares the prediction with the target, nothing else");
  }

  @Test
  void aLossMustUsePred() {
    assertAt(error("model w * x", "loss target^2"), "SG218", "the loss does not use 'pred'", 5,
        6, 8, "a loss compares the prediction 'pred' with 'target'");
  }

  @Test
  void vectorTargetsAreNotSupported() {
    assertAt(errors("input x\ntarget t[2]\nparam w\nmodel w").get(0), "SG111",
        "vector targets are not supported", 2, 9, 1,
        "the target is one column: a number, or for cross_entropy a class 0, 1, …");
  }

  @Test
  void callingADeclaredNameSaysItIsNotAFunction() {
    assertAt(error("model w(x + 1)"), "SG103", "unknown function 'w'", 4, 7, 1,
        "'w' is not a function; write w * (…) for a product");
  }

  @Test
  void everyBadLineIsReportedInFileOrderWithoutCascades() {
    List<Diagnostic> errors = errors("""
        input x
        target y
        param w = uniform(1, 0)
        let a = 2 * (x
        model w * a + b
        loss hubber
        """);
    // 'a' failed to read: its use on line 5 is not reported again; 'b' is.
    assertThat(errors.stream().map(d -> d.code() + " " + d.line() + ":" + d.column()).toList())
        .containsExactly("SG214 3:11", "SG105 4:13", "SG204 5:15", "SG215 6:6").inOrder();
    SymgradException e = assertThrows(SymgradException.class,
        () -> ModelParser.parse("input x\ntarget y\nparam w\nmodel w * a\nmodel w\n", "m.sg"));
    assertThat(e.getMessage()).isEqualTo("""
        m.sg:4:11: error [SG204] unknown name 'a'
          model w * a
                    ^
          declared names: w, x
        m.sg:5:1: error [SG203] duplicate 'model' declaration
          model w
          ^^^^^
          a model file has one; the first is on line 4""");
  }

  @Test
  void aFailedModelDoesNotHideLossErrors() {
    List<Diagnostic> errors = errors(HEAD + "model foo(x)\nloss (pred - target)^2 + w\n");
    assertThat(errors.stream().map(Diagnostic::code).toList())
        .containsExactly("SG103", "SG217").inOrder();
  }

  @Test
  void unreadableFiles(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("none.sg");
    Diagnostic d = assertThrows(SymgradException.class, () -> ModelParser.parseFile(missing))
        .first();
    assertAt(d, "SG219", "cannot read " + missing + ": no such file", 1, 1, 1, null);
    assertThat(d.source()).isEqualTo("none.sg");
    Path latin1 = dir.resolve("latin1.sg");
    Files.write(latin1, new byte[] {'m', 'o', 'd', 'e', 'l', ' ', (byte) 0xE9});
    assertThat(assertThrows(SymgradException.class, () -> ModelParser.parseFile(latin1))
        .first().message()).isEqualTo("cannot read " + latin1 + ": it is not valid UTF-8");
    assertThat(assertThrows(SymgradException.class, () -> ModelParser.parseFile(dir))
        .first().code()).isEqualTo("SG219");
  }
}
