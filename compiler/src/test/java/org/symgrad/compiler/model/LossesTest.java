package org.symgrad.compiler.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;

/** The losses' values against PyTorch's definitions, written out independently here. */
class LossesTest {
  private final Graph g = new Graph();
  private final Node p = g.variable("p");
  private final Node t = g.variable("t");

  private static double at(Node loss, double p, double t) {
    return Evaluate.at(loss, Map.of("p", p, "t", t));
  }

  @Test
  void theFormsAreTheDocumentedOnes() {
    assertThat(ExpressionPrinter.print(Losses.mse(g, p, t))).isEqualTo("(p - t)^2");
    assertThat(ExpressionPrinter.print(Losses.mae(g, p, t))).isEqualTo("abs(p - t)");
    assertThat(ExpressionPrinter.print(Losses.huber(g, p, t, 1.5)))
        .isEqualTo("0.5 * min(abs(p - t), 1.5)^2 + 1.5 * (abs(p - t) - min(abs(p - t), 1.5))");
    assertThat(ExpressionPrinter.print(Losses.bceWithLogits(g, p, t)))
        .isEqualTo("softplus(p) - p * t");
  }

  @Test
  void aLossLineNamesTheSameLossForBothFrontEnds() {
    Node q = g.variable("q");
    assertThat(ExpressionPrinter.print(Losses.named(g, "mse", java.util.List.of(p), t, 0)))
        .isEqualTo("(p - t)^2");
    assertThat(ExpressionPrinter.print(Losses.named(g, "mae", java.util.List.of(p), t, 0)))
        .isEqualTo("abs(p - t)");
    assertThat(ExpressionPrinter.print(Losses.named(g, "huber", java.util.List.of(p), t, 1.5)))
        .isEqualTo("0.5 * min(abs(p - t), 1.5)^2 + 1.5 * (abs(p - t) - min(abs(p - t), 1.5))");
    assertThat(ExpressionPrinter.print(Losses.named(g, "bce_logits", java.util.List.of(p), t, 0)))
        .isEqualTo("softplus(p) - p * t");
    Node crossEntropy = Losses.named(g, "cross_entropy", java.util.List.of(p, q), t, 0);
    assertThat(Evaluate.at(crossEntropy, Map.of("p", 0.0, "q", 0.0, "t", 1.0)))
        .isWithin(1e-15).of(Math.log(2));
    assertThrows(IllegalArgumentException.class,
        () -> Losses.named(g, "huber(1.0)", java.util.List.of(p), t, 1.0));
  }

  @Property
  void mseIsTheSquaredError(@ForAll @DoubleRange(min = -1e6, max = 1e6) double p,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double t) {
    assertThat(at(Losses.mse(g, this.p, this.t), p, t)).isEqualTo(Math.pow(p - t, 2));
  }

  @Property
  void maeIsTheAbsoluteError(@ForAll @DoubleRange(min = -1e6, max = 1e6) double p,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double t) {
    assertThat(at(Losses.mae(g, this.p, this.t), p, t)).isEqualTo(Math.abs(p - t));
  }

  /** torch.nn.functional.huber_loss for one element. */
  private static double torchHuber(double p, double t, double delta) {
    double d = Math.abs(p - t);
    return d < delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
  }

  /** The derivative of torch's huber_loss with respect to p. */
  private static double torchHuberGradient(double p, double t, double delta) {
    double d = p - t;
    return Math.abs(d) <= delta ? d : delta * Math.signum(d);
  }

  @Property
  void huberIsTorchs(@ForAll @DoubleRange(min = -100, max = 100) double p,
      @ForAll @DoubleRange(min = -100, max = 100) double t,
      @ForAll @DoubleRange(min = 0.01, max = 50) double delta) {
    double expected = torchHuber(p, t, delta);
    assertThat(at(Losses.huber(g, this.p, this.t, delta), p, t))
        .isWithin(1e-12 * Math.max(1, expected)).of(expected);
  }

  @Test
  void huberAtAndAroundDelta() {
    Node loss = Losses.huber(g, p, t, 2.0);
    for (double d : new double[] {-3, -2, -1.999, -0.5, 0, 0.5, 1.999, 2, 2.001, 3}) {
      assertThat(at(loss, 10 + d, 10)).isWithin(1e-12).of(torchHuber(10 + d, 10, 2.0));
      // The value is differentiable through |d| = delta: central differences agree with
      // torch's gradient there too (the symbolic one is checked by the diff module).
      double h = 1e-6;
      double slope = (at(loss, 10 + d + h, 10) - at(loss, 10 + d - h, 10)) / (2 * h);
      assertThat(slope).isWithin(1e-6).of(torchHuberGradient(10 + d, 10, 2.0));
    }
  }

  @Test
  void huberNeedsAPositiveFiniteDelta() {
    for (double delta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Losses.huber(g, p, t, delta));
      assertThat(e).hasMessageThat().isEqualTo("huber needs a positive finite delta, got " + delta);
    }
  }

  /** torch.nn.BCEWithLogitsLoss for one element, in its stable form. */
  private static double torchBceWithLogits(double x, double t) {
    return Math.max(x, 0) - x * t + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Property
  void bceWithLogitsIsTorchs(
      @ForAll @DoubleRange(min = -600, max = 600) double logit,
      @ForAll @DoubleRange(min = 0, max = 1) double label) {
    double expected = torchBceWithLogits(logit, label);
    // softplus(x) - x * t rounds differently from torch's sum of three terms, by an ulp or so
    // of the larger term.
    assertThat(at(Losses.bceWithLogits(g, p, t), logit, label))
        .isWithin(1e-12 * Math.max(1, Math.abs(logit))).of(expected);
  }
}
