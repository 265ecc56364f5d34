package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.symgrad.compiler.api.Expr.abs;
import static org.symgrad.compiler.api.Expr.constant;
import static org.symgrad.compiler.api.Expr.exp;
import static org.symgrad.compiler.api.Expr.max;
import static org.symgrad.compiler.api.Expr.pow;
import static org.symgrad.compiler.api.Expr.sigmoid;
import static org.symgrad.compiler.api.Expr.tanh;
import static org.symgrad.compiler.api.SameModel.assertSameModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Initializer;

/** A builder and the equivalent model file give the same model, kernel and bits. */
class ModelBuilderTest {

  @Test
  void theThermometerIsItsFile() throws IOException {
    ModelBuilder m = new ModelBuilder("thermometer_normalized").data("thermometer.csv");
    Expr tU = m.input("t_u");
    m.target("t_c");
    Expr w = m.param("w", 1.0);
    Expr b = m.param("b", 0.0);
    Expr tUn = m.let("t_un", constant(0.1).times(tU));
    m.predict(w.times(tUn).plus(b)).loss(Loss.MSE);

    ModelDefinition built = m.build();
    ModelDefinition parsed = ModelParser.parse(
        resource("/models/thermometer_normalized.sg"), "thermometer_normalized.sg");

    assertSameModel(built, parsed);
    assertThat(built.modelText()).isEqualTo("w * t_un + b");
    assertThat(built.source()).isEqualTo(ModelBuilder.SOURCE);
  }

  @Test
  void everyKindOfLineIsItsFile() {
    ModelBuilder m = new ModelBuilder("full").source("full.sg").data("sensors.csv");
    Expr x = m.input("x");
    Expr z = m.input("z");
    m.target("y");
    Expr b = m.param("b", new Initializer.Uniform(-1, 1));
    Expr w = m.param("w", new Initializer.Normal(0, 0.5));
    Expr c = m.param("c");
    Expr h = m.let("h", tanh(w.times(x).plus(b)));
    Expr g = m.let("g", h.times(z).minus(c.div(2.0)));
    m.predict(sigmoid(g).plus(max(h, 0)).minus(pow(exp(x.unaryMinus()), 2)));
    m.penalty(constant(0.01).times(pow(w, 2).plus(pow(b, 2))));
    m.loss(Loss.huber(1.5));

    ModelDefinition parsed = ModelParser.parse("""
        data   sensors.csv
        input  x
        input  z
        target y
        param  b = uniform(-1, 1)
        param  w = normal(0, 0.5)
        param  c
        let    h = tanh(w * x + b)
        let    g = h * z - c / 2
        model  sigmoid(g) + max(h, 0) - exp(-x)^2
        penalty 0.01 * (w^2 + b^2)
        loss   huber(1.5)
        """, "full.sg");

    ModelDefinition built = m.build();
    assertSameModel(built, parsed);
    assertThat(built.source()).isEqualTo("full.sg");
  }

  @Test
  void aCustomLossIsItsExpression() {
    ModelBuilder m = new ModelBuilder("custom");
    Expr x = m.input("x");
    m.target("y");
    Expr a = m.param("a", 2.0);
    m.predict(a.times(x));
    m.loss((pred, target) ->
        abs(pred.minus(target)).plus(constant(0.5).times(pow(pred.minus(target), 2))));

    assertSameModel(m.build(), ModelParser.parse("""
        input x
        target y
        param a = 2
        model a * x
        loss abs(pred - target) + 0.5 * (pred - target)^2
        """, "custom.sg"));
  }

  @Test
  void theNamedLossesAreTheirFiles() {
    for (Loss loss : new Loss[] {Loss.MSE, Loss.MAE, Loss.BCE_LOGITS, Loss.huber(0.25)}) {
      ModelBuilder m = new ModelBuilder("named");
      Expr x = m.input("x");
      m.target("y");
      m.predict(m.param("a").times(x).plus(m.param("c")));
      m.loss(loss);

      assertSameModel(m.build(), ModelParser.parse(
          "input x\ntarget y\nparam a\nparam c\nmodel a * x + c\nloss " + loss.text() + "\n",
          "named.sg"));
    }
  }

  @Test
  void theLossIsMseUnlessSet() {
    ModelBuilder m = new ModelBuilder("default");
    m.target("y");
    m.predict(m.param("a"));

    assertThat(m.build().lossText()).isEqualTo("mse");
    assertThat(m.build().sampleLoss().toString()).isEqualTo("(a - y)^2");
  }

  @Test
  void eachBuildIsANewGraphWithTheSameKernel() {
    ModelBuilder m = new ModelBuilder("twice");
    Expr x = m.input("x");
    m.target("y");
    m.predict(m.param("a").times(x));

    ModelDefinition first = m.build();
    ModelDefinition second = m.build();

    assertThat(first.graph()).isNotSameInstanceAs(second.graph());
    assertThat(Symgrad.lower(first).toString()).isEqualTo(Symgrad.lower(second).toString());
  }

  @Test
  void compileGivesTheModelOfTheBuild() {
    ModelBuilder m = new ModelBuilder("compiled");
    Expr x = m.input("x");
    m.target("y");
    m.predict(m.param("a", 3.0).times(x));

    assertThat(m.compile().info().modelText()).isEqualTo("a * x");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ModelBuilderTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aLetUsedByNameIsTheFilesLet() {
    ModelBuilder m = new ModelBuilder("named");
    Expr x = m.input("x");
    m.target("y");
    Expr w = m.param("w", 0.5);
    m.let("s", w.times(w));
    m.let("h", Expr.variable("s").times(x));
    m.predict(Expr.variable("h").plus(Expr.variable("s")));
    m.penalty(constant(0.1).times(Expr.variable("s")));

    assertSameModel(m.build(), ModelParser.parse("""
        input x
        target y
        param w = 0.5
        let s = w * w
        let h = s * x
        model h + s
        penalty 0.1 * s
        """, "named.sg"));
  }
}
