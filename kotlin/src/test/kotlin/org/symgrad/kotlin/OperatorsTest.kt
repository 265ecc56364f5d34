package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test
import org.symgrad.compiler.api.Expr
import org.symgrad.compiler.api.Index
import org.symgrad.compiler.api.ModelBuilder
import org.symgrad.compiler.graph.Graph
import org.symgrad.compiler.parse.Expressions

/**
 * Compiling this file is half the test: each line type-checks only if Kotlin reads the
 * operators as intended. The other half: each expression is the node of its text (the printer
 * prints one text per node, so equal texts are the same node).
 */
class OperatorsTest {
    private val x = Expr.variable("x")
    private val w = Expr.variable("w")
    private val b = Expr.variable("b")

    private fun assertIsText(expr: Expr, text: String) {
        assertThat(expr.toString()).isEqualTo(Expressions.parse(text, Graph()).toString())
    }

    @Test
    fun theOperatorsOfTheIssue() {
        assertIsText(2.0 * x, "2 * x")
        assertIsText(x / 2.0, "x / 2")
        assertIsText(-x, "-x")
        assertIsText(x pow 3, "x^3")
        // Tensor.get is Kotlin's indexing operator, with no Kotlin code: W[j, k] is an Expr.
        val m = ModelBuilder("m")
        val W = m.param("W", shape(13, 4))
        val v = m.input("v", 4)
        val j = m.index("j")
        val k = Index.of("k")
        val wjk: Expr = W[j, k]
        assertThat(wjk.toString()).isEqualTo("W[j, k]")
        assertThat((W[j, 0] + W[0, k] * 2 - W[12, 3]).toString())
            .isEqualTo("W[j, 0] + 2 * W[0, k] - W[12, 3]")
        assertThat(sum(k) { W[j, k] * v[k] }.toString()).isEqualTo("sum(k, W[j, k] * v[k])")
        assertThat(sum(j, v[j] pow 2).toString()).isEqualTo("sum(j, v[j]^2)")
    }

    @Test
    fun numbersOnEitherSideAndOfEitherType() {
        assertIsText(w * x + b, "w * x + b")
        assertIsText(x * 2, "2 * x")
        assertIsText(2 * x, "2 * x")
        assertIsText(1 - x, "1 - x")
        assertIsText(1.5 + x, "1.5 + x")
        assertIsText(x - 2, "x - 2")
        assertIsText(x + 2, "x + 2")
        assertIsText(1 / x, "1 / x")
        assertIsText(x / 4, "x / 4")
        assertIsText(2 pow x, "2^x")
        assertIsText(0.5 pow x, "0.5^x")
        assertIsText(x pow w, "x^w")
        assertIsText(x pow 0.5, "x^0.5")
    }

    @Test
    fun negationFoldsIntoNumbersAsInTheGrammar() {
        assertIsText(-(2.0 * x), "-(2 * x)")
        assertIsText(x - -2.0, "x - -2")
        assertThat(-Expr.constant(2.0)).isEqualTo(Expr.constant(-2.0))
    }

    @Test
    fun infixPowBindsLooserThanArithmetic() {
        // Kotlin's precedence, not the grammar's: parentheses are needed.
        assertIsText(w * x pow 2, "(w * x)^2")
        assertIsText(w * (x pow 2), "w * x^2")
        assertIsText(-x pow 2, "(-x)^2")
    }

    @Test
    fun theFunctions() {
        assertIsText(exp(-x), "exp(-x)")
        assertIsText(sigmoid(w * x + b), "sigmoid(w * x + b)")
        assertIsText(max(x, 0) + min(0, x), "max(x, 0) + min(0, x)")
        assertIsText(max(x, 0.5) + min(0.5, x), "max(x, 0.5) + min(0.5, x)")
        assertIsText(pow(x, 2) + pow(x, w) + pow(x, 0.5), "x^2 + x^w + x^0.5")
        assertIsText(
            log(sqrt(abs(sin(x) + cos(x) + tan(x) + tanh(x) + sinh(x) + cosh(x)))),
            "log(sqrt(abs(sin(x) + cos(x) + tan(x) + tanh(x) + sinh(x) + cosh(x))))",
        )
        assertIsText(
            asin(x) + acos(x) + atan(x) + relu(x) + softplus(x) + log1p(x) + expm1(x),
            "asin(x) + acos(x) + atan(x) + relu(x) + softplus(x) + log1p(x) + expm1(x)",
        )
    }
}
