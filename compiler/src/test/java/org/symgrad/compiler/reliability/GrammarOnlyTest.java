package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.Expressions;
import org.symgrad.compiler.parse.ModelParser;

/**
 * An expression can reach the functions of the grammar and nothing else: text that looks like
 * Java is a parse error, wherever it is written, so it never reaches an emitter.
 */
class GrammarOnlyTest {

  @ParameterizedTest
  @ValueSource(strings = {"System.exit(0)", "exit(0)", "\"; Runtime.getRuntime().exec(\"sh\")",
      "x\"; Runtime.getRuntime()", "java.lang.Math.exp(x)", "Math.exp(x)", "x.getClass()",
      "new Object()", "Class.forName(\"x\")", "exp(x); System.exit(0)", "x // comment",
      "x /* comment */", "x \\u002b y", "'x'", "x ? y : z", "x == y", "x = y", "{x}", "x[0]",
      "sum(j, x)", "sign(x)", "EXP(x)", "Exp(x)", "exp", "log10(x)", "signum(x)", "hypot(x, y)",
      "getClass(x)", "lambda(x)", "x -> x", "x::y", "@x", "$x", "x$", "#x", "x;", "x, y",
      "exp(x)(y)", "(x)(y)", "pow(x, y, z)", "max(x)", "sin()", "x++", "x--y--"})
  void javaLookingTextIsAParseErrorEverywhere(String text) {
    assertThrows(SymgradException.class, () -> Expressions.parse(text, new Graph()), text);
    for (String model : List.of(
        "input x\ninput y\ninput z\ntarget t\nparam w\nmodel w * (" + text + ")\n",
        "input x\ntarget t\nparam w = " + text + "\nmodel w * x\n",
        "input x\ninput y\ninput z\ntarget t\nparam w\nlet h = " + text + "\nmodel w * h\n",
        "input x\ninput y\ninput z\ntarget t\nparam w\nmodel w * x\npenalty " + text + "\n")) {
      assertThrows(SymgradException.class, () -> ModelParser.parse(model, "java.sg"), model);
    }
  }

  @Test
  void theCallableFunctionsAreExactlyTheGrammars() {
    // docs/design.md's list; sign is internal (the derivative of abs and relu).
    Set<String> grammar = new TreeSet<>(List.of("exp", "log", "sqrt", "sin", "cos", "tan",
        "tanh", "sinh", "cosh", "asin", "acos", "atan", "abs", "sigmoid", "relu", "softplus",
        "log1p", "expm1", "pow", "min", "max"));
    Set<String> callable = new TreeSet<>();
    for (Op op : Op.values()) {
      String name = op.functionName();
      if (name == null) {
        continue;
      }
      String call = op.arity() == 1 ? name + "(x)" : name + "(x, y)";
      try {
        Expressions.parse(call, new Graph());
        callable.add(name);
      } catch (SymgradException e) {
        assertWithMessage("why %s is refused", call).that(e.first().code()).isEqualTo("SG103");
      }
    }
    assertThat(callable).isEqualTo(grammar);
    // And nothing else with a name is a call: every other name is a variable or an error.
    for (String name : Arrays.asList("System", "Runtime", "exit", "getRuntime", "forName",
        "load", "java", "print", "println")) {
      SymgradException e = assertThrows(SymgradException.class,
          () -> Expressions.parse(name + "(x)", new Graph()));
      assertThat(e.first().code()).isEqualTo("SG103");
      assertThat(Expressions.parse(name, new Graph()).isVariable()).isTrue();
    }
  }
}
