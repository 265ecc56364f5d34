package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.symgrad.compiler.api.Expr.constant;
import static org.symgrad.compiler.api.Expr.exp;
import static org.symgrad.compiler.api.Expr.max;
import static org.symgrad.compiler.api.Expr.pow;
import static org.symgrad.compiler.api.Expr.sum;
import static org.symgrad.compiler.api.Expr.tanh;
import static org.symgrad.compiler.api.ModelBuilder.linearInit;
import static org.symgrad.compiler.api.ModelBuilder.shape;
import static org.symgrad.compiler.api.SameModel.assertSameModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Initializer;

/**
 * Arrays, indices and sums in the builder: the same nodes in the same order as the text, so
 * the same kernel, bit for bit; and the mistakes of shape refused where they are written.
 */
class VectorModelBuilderTest {

  private static String message(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void theMlpOfChapterSixIsItsSample() throws IOException {
    ModelBuilder m = new ModelBuilder("thermometer_mlp").data("../thermometer/thermometer.csv");
    Expr tU = m.input("t_u");
    m.target("t_c");
    Index j = m.index("j");
    Tensor w1 = m.param("W1", shape(13, 1), linearInit(1));
    Tensor b1 = m.param("b1", shape(13), linearInit(1));
    Tensor w2 = m.param("w2", shape(13), linearInit(13));
    Expr b2 = m.param("b2", linearInit(13));
    Expr tUn = m.let("t_un", constant(0.1).times(tU));
    Tensor h = m.let("h", j, tanh(w1.get(j, 0).times(tUn).plus(b1.get(j))));
    m.predict(sum(j, w2.get(j).times(h.get(j))).plus(b2)).loss(Loss.MSE);

    ModelDefinition built = m.build();
    ModelDefinition parsed =
        Symgrad.parseFile(Path.of("../samples/thermometer_mlp/thermometer_mlp.sg"));

    assertSameModel(built, parsed);
    assertThat(h.shape()).containsExactly(13);
    assertThat(built.modelText()).isEqualTo("sum(j, w2[j] * h[j]) + b2");
    assertThat(built.lets().keySet()).containsAtLeast("t_un", "h[0]", "h[12]").inOrder();
  }

  @Test
  void namedColumnsMatricesDifferencesDiagonalsAndAPenalty() {
    ModelBuilder m = new ModelBuilder("layers");
    Tensor x = m.input("x", List.of("tv", "radio", "press"));
    Expr z = m.input("z");
    m.target("y");
    Index i = Index.of("i");
    Index j = Index.of("j");
    Index k = Index.of("k");
    Tensor w = m.param("W", shape(4, 3), new Initializer.Uniform(-0.5, 0.5));
    Tensor b = m.param("b", shape(4), 0.1);
    Tensor a = m.param("A", shape(4, 4));
    Tensor v = m.param("v", shape(4));
    Expr c = m.param("c");
    Tensor h = m.let("h", j, tanh(sum(k, w.get(j, k).times(x.get(k))).minus(b.get(j))));
    Tensor g = m.let("g", List.of(i, j), a.get(i, j).times(h.get(j)).minus(z.times(v.get(i))));
    Expr diagonal = m.let("d", sum(i, a.get(i, i)));
    m.predict(sum(i, v.get(i).times(sum(j, g.get(i, j)))).plus(x.get(0).times(c))
        .minus(max(diagonal, 0)).plus(exp(h.get(3).unaryMinus())));
    m.penalty(constant(0.01).times(sum(j, pow(b.get(j), 2).plus(pow(w.get(j, 1), 2)))));
    m.loss(Loss.MAE);

    ModelDefinition parsed = ModelParser.parse("""
        input  x[3] = tv, radio, press
        input  z
        target y
        param  W[4, 3] = uniform(-0.5, 0.5)
        param  b[4] = 0.1
        param  A[4, 4]
        param  v[4]
        param  c
        let    h[j] = tanh(sum(k, W[j, k] * x[k]) - b[j])
        let    g[i, j] = A[i, j] * h[j] - z * v[i]
        let    d = sum(i, A[i, i])
        model  sum(i, v[i] * sum(j, g[i, j])) + x[0] * c - max(d, 0) + exp(-h[3])
        penalty 0.01 * sum(j, b[j]^2 + W[j, 1]^2)
        loss   mae
        """, "layers.sg");

    ModelDefinition built = m.build();
    assertSameModel(built, parsed);
    assertThat(built.inputs()).containsExactly("tv", "radio", "press", "z").inOrder();
  }

  @Test
  void theLinearRegressionSample() throws IOException {
    ModelBuilder m = new ModelBuilder("advertising").data("advertising.csv");
    Tensor x = m.input("x", List.of("tv", "radio", "press"));
    m.target("sales");
    Tensor w = m.param("w", shape(3));
    Expr b = m.param("b");
    Index j = m.index("j");
    m.predict(sum(j, w.get(j).times(x.get(j))).plus(b)).loss(Loss.MSE);

    assertSameModel(m.build(),
        Symgrad.parseFile(Path.of("../samples/linear_regression/advertising.sg")));
  }

  @Test
  void theSoftmaxSampleHasAVectorOutput() throws IOException {
    ModelBuilder m = new ModelBuilder("blobs").data("blobs.csv");
    Tensor x = m.input("x", 2);
    m.target("label");
    Tensor w = m.param("W", shape(3, 2), linearInit(2));
    Tensor c = m.param("c", shape(3), linearInit(2));
    Index j = m.index("j");
    Index k = m.index("k");
    m.predict("score", k, sum(j, w.get(k, j).times(x.get(j))).plus(c.get(k)));
    m.loss(Loss.CROSS_ENTROPY);

    ModelDefinition built = m.build();
    ModelDefinition parsed = Symgrad.parseFile(Path.of("../samples/softmax/blobs.sg"));
    assertSameModel(built, parsed);
    assertThat(built.outputs()).hasSize(3);
    assertThat(built.targetClasses()).isEqualTo(3);
    assertThat(built.modelText()).isEqualTo("score[k] = sum(j, W[k, j] * x[j]) + c[k]");
    assertThat(built.outputs().toString()).isEqualTo(parsed.outputs().toString());
  }

  @Test
  void aVectorOutputNeedsCrossEntropyAndCrossEntropyAVectorOutput() {
    ModelBuilder m = new ModelBuilder("m");
    Tensor c = m.param("c", shape(3));
    m.target("label");
    Index k = m.index("k");
    m.predict("score", k, c.get(k));
    assertThat(assertThrows(IllegalStateException.class, m::build).getMessage()).isEqualTo(
        "model 'm' has 3 outputs, so it needs a loss: cross_entropy for class scores");
    m.loss(Loss.MSE);
    assertThat(assertThrows(IllegalStateException.class, m::build).getMessage()).isEqualTo(
        "mse compares one prediction with the target, but model 'm' has 3 outputs; for"
            + " classes, use cross_entropy");

    ModelBuilder s = new ModelBuilder("s");
    s.predict(s.param("w")).target("label").loss(Loss.CROSS_ENTROPY);
    assertThat(assertThrows(IllegalStateException.class, s::build).getMessage()).startsWith(
        "cross_entropy needs a vector of 2 or more class scores, but model 's' has one output");
    assertThat(message(() -> new ModelBuilder("u").predict("out", k, c.get(0))))
        .startsWith("index 'k' of the prediction 'out' is not used");
  }

  @Test
  void anExpressionWithIndicesPrintsAsTheGrammarWritesIt() {
    ModelBuilder m = new ModelBuilder("m");
    Tensor w = m.param("W", shape(2, 3));
    Tensor x = m.input("x", 3);
    Index j = Index.of("j");
    Index k = Index.of("k");
    Expr e = sum(k, w.get(j, k).times(x.get(k))).minus(w.get(j, 0));

    assertThat(e.toString()).isEqualTo("sum(k, W[j, k] * x[k]) - W[j, 0]");
    assertThat(e).isEqualTo(sum(Index.of("k"), w.get(j, Index.of("k")).times(x.get(k)))
        .minus(w.get(j, 0)));
    assertThat(e.hashCode()).isEqualTo(
        sum(k, w.get(j, k).times(x.get(k))).minus(w.get(j, 0)).hashCode());
    assertThat(e).isNotEqualTo(sum(k, w.get(j, k).times(x.get(k))).minus(w.get(j, 1)));
    assertThat(w.toString()).isEqualTo("W[2,3]");
  }

  @Test
  void mistakesOfShapeAreRefusedWhereTheyAreWritten() {
    ModelBuilder m = new ModelBuilder("m");
    Tensor w = m.param("W", shape(13, 4));
    Tensor x = m.input("x", 3);
    Expr s = m.param("s");
    m.target("y");
    Index j = m.index("j");
    Index k = m.index("k");

    assertThat(message(() -> w.get(j))).isEqualTo(
        "W has 2 indices (shape [13, 4]), but 1 is given");
    assertThat(message(() -> w.get(13, k))).isEqualTo(
        "index 13 is out of range for W: that axis has 13 elements, indexed 0 to 12");
    assertThat(message(() -> w.get(j, k).times(x.get(k)))).isEqualTo(
        "index 'k' ranges over 3 in x[k] but over 4 in W[j, k]:"
            + " an index has one range wherever it is used");
    assertThat(message(() -> w.get(j, j))).isEqualTo(
        "index 'j' ranges over 4 in W[j, j] but over 13 in W[j, j]:"
            + " an index has one range wherever it is used");
    assertThat(message(() -> sum(k, s))).startsWith(
        "index 'k' is not used in sum(k, s), so its range is unknown");
    assertThat(message(() -> sum(j, sum(j, w.get(j, 0))))).startsWith(
        "index 'j' is already bound by a sum inside sum(j, …)");
    assertThat(message(() -> m.predict(sum(k, w.get(j, k))))).isEqualTo(
        "unbound index 'j' in the prediction: sum(k, W[j, k]) is over j; bind it with"
            + " sum(j, …)");
    assertThat(message(() -> m.let("h", j, w.get(j, k)))).isEqualTo(
        "unbound index 'k' in let 'h': W[j, k] is over j, k; bind it with sum(k, …) or add it"
            + " to the let's indices");
    assertThat(message(() -> m.let("h", k, w.get(j, 0).plus(s)))).startsWith(
        "index 'k' of let 'h' is not used, so its range is unknown");
    assertThat(message(() -> m.param("x0"))).isEqualTo(
        "'x0' is already a column of input 'x' of model 'm'; a column has one role");
    assertThat(message(() -> m.input("u", List.of("x1")))).isEqualTo(
        "column 'x1' of input 'u' is already a column of input 'x' of model 'm': a column has"
            + " one role");
    assertThat(message(() -> m.param("v", shape(0)))).startsWith("parameter 'v' has extent 0");
  }

  @Test
  void anArrayIsNotANumberAndThePenaltyUsesParamsOnly() {
    ModelBuilder m = new ModelBuilder("m");
    Tensor x = m.input("x", 2);
    Tensor w = m.param("w", shape(2));
    m.target("y");
    Index j = m.index("j");
    Tensor h = m.let("h", j, w.get(j).times(x.get(j)));
    m.predict(Expr.variable("w"));
    assertThat(assertThrows(IllegalStateException.class, m::build).getMessage()).isEqualTo(
        "'w' in the prediction of model 'm' is parameter 'w' of shape [2], where a number is"
            + " needed: index it, as in w[j]");

    ModelBuilder p = new ModelBuilder("p");
    Tensor px = p.input("x", 2);
    Tensor pw = p.param("w", shape(2));
    p.target("y");
    Tensor ph = p.let("h", j, pw.get(j).times(px.get(j)));
    p.predict(sum(j, ph.get(j)));
    p.penalty(sum(j, ph.get(j)));
    assertThat(assertThrows(IllegalStateException.class, p::build).getMessage()).isEqualTo(
        "the penalty of model 'p' can use parameters only, but 'h' is a let that depends on an"
            + " input");
    assertThat(h.shape()).containsExactly(2);
  }

  @Test
  void anIndexHasANameOfItsOwnAsInAFile() {
    ModelBuilder b = new ModelBuilder("b");
    Tensor x = b.input("x", 2);
    Tensor w = b.param("w", shape(2));
    Expr c = b.input("c");
    b.target("y");
    Index named = b.index("c");
    b.predict(sum(named, w.get(named).times(x.get(named))).times(c));
    assertThat(assertThrows(IllegalStateException.class, b::build).getMessage()).isEqualTo(
        "index 'c' in the prediction of model 'b' has the name of an input: an index needs a"
            + " name of its own, such as j or k");

    org.symgrad.compiler.diagnostic.SymgradException parsed = assertThrows(
        org.symgrad.compiler.diagnostic.SymgradException.class, () -> ModelParser.parse("""
            input x[2]
            param w[2]
            input c
            target y
            model sum(c, w[c] * x[c]) * c
            """, "b.sg"));
    assertThat(parsed.getMessage()).contains("index 'c' has the name of an input");
  }
}
