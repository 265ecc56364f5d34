package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.Losses;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/** Valid model files and what they define. */
class ModelParserTest {

  static Path resource(String name) {
    try {
      return Path.of(ModelParserTest.class.getResource("/models/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static ModelDefinition parse(String text) {
    return ModelParser.parse(text, "m.sg");
  }

  /** A model with the given lines added to a minimal valid one. */
  static String model(String... lines) {
    return "input x\ntarget y\nparam w\n" + String.join("\n", lines) + "\n";
  }

  @Test
  void theThermometer() {
    ModelDefinition m = ModelParser.parseFile(resource("thermometer.sg"));
    Graph g = m.graph();
    Node w = g.variable("w");
    Node b = g.variable("b");
    Node tu = g.variable("t_u");
    assertThat(m.name()).isEqualTo("thermometer");
    assertThat(m.source()).isEqualTo("thermometer.sg");
    assertThat(m.data()).hasValue("thermometer.csv");
    assertThat(m.inputs()).containsExactly("t_u");
    assertThat(m.target()).isEqualTo("t_c");
    assertThat(m.parameters()).containsExactly(
        ParameterInfo.scalar("w", 0, new Initializer.Constant(1.0)),
        ParameterInfo.scalar("b", 1, new Initializer.Constant(0.0))).inOrder();
    assertThat(m.lets()).isEmpty();
    assertThat(m.prediction()).isSameInstanceAs(g.add(g.mul(w, tu), b));
    assertThat(m.modelText()).isEqualTo("w * t_u + b");
    assertThat(m.sampleLoss()).isSameInstanceAs(Losses.mse(g, m.prediction(), g.variable("t_c")));
    assertThat(m.lossText()).isEqualTo("mse");
    assertThat(m.penalty()).isSameInstanceAs(g.constant(0.0));
    assertThat(m.penaltyText()).isEmpty();
  }

  @Test
  void theNormalizedThermometerSharesItsLet() {
    ModelDefinition m = ModelParser.parseFile(resource("thermometer_normalized.sg"));
    Graph g = m.graph();
    Node tun = g.mul(g.constant(0.1), g.variable("t_u"));
    assertThat(m.name()).isEqualTo("thermometer_normalized");
    assertThat(m.lets()).containsExactly("t_un", tun);
    assertThat(m.prediction())
        .isSameInstanceAs(g.add(g.mul(g.variable("w"), tun), g.variable("b")));
    assertThat(m.modelText()).isEqualTo("w * t_un + b");
    assertThat(m.inputs()).containsExactly("t_u");
    assertThat(m.parameters()).hasSize(2);
  }

  @Test
  void letsBuildOnEarlierLets() {
    ModelDefinition m = parse(model("let a = 2 * x", "let b2 = a + 1", "let c = a * b2",
        "model w * c"));
    Graph g = m.graph();
    Node a = g.mul(g.constant(2), g.variable("x"));
    Node b2 = g.add(a, g.constant(1));
    Node c = g.mul(a, b2);
    assertThat(m.lets()).containsExactly("a", a, "b2", b2, "c", c).inOrder();
    assertThat(m.prediction()).isSameInstanceAs(g.mul(g.variable("w"), c));
  }

  @Test
  void inputsParamsAndTheTargetMayBeDeclaredInAnyOrder() {
    ModelDefinition m = ModelParser.parse(
        "model a * u + b * v\nloss mae\nparam b\ntarget y\ninput v\nparam a\ninput u\n", "m.sg");
    assertThat(m.inputs()).containsExactly("v", "u").inOrder();
    assertThat(m.parameters().stream().map(ParameterInfo::name).toList())
        .containsExactly("b", "a").inOrder();
    assertThat(m.parameters().get(1).offset()).isEqualTo(1);
  }

  @Test
  void initializers() {
    ModelDefinition m = parse(model(
        "param a = -1/4", "param b = 2^-3 * 8", "param c = exp(0) + max(1, 2)",
        "param d = uniform(-1, 1)", "param e = normal(0, 0.1)",
        "param f = uniform(-sqrt(4), 2 * (1 + 0))", "param g = normal(-1, 0)",
        "param h = -0", "param i=1e-3", "model w + a + b + c + d + e + f + g + h + i"));
    assertThat(m.parameters().stream().map(ParameterInfo::initializer).toList()).containsExactly(
        new Initializer.Constant(0.0), // param w, without '='
        new Initializer.Constant(-0.25),
        new Initializer.Constant(1.0),
        new Initializer.Constant(3.0),
        new Initializer.Uniform(-1, 1),
        new Initializer.Normal(0, 0.1),
        new Initializer.Uniform(-2, 2),
        new Initializer.Normal(-1, 0),
        new Initializer.Constant(-0.0),
        new Initializer.Constant(0.001)).inOrder();
  }

  @Test
  void namedLosses() {
    Graph g;
    ModelDefinition m = parse(model("model w * x", "loss mae"));
    g = m.graph();
    assertThat(m.sampleLoss()).isSameInstanceAs(Losses.mae(g, m.prediction(), g.variable("y")));
    m = parse(model("model w * x", "loss huber(1.5)"));
    g = m.graph();
    assertThat(m.sampleLoss())
        .isSameInstanceAs(Losses.huber(g, m.prediction(), g.variable("y"), 1.5));
    assertThat(m.lossText()).isEqualTo("huber(1.5)");
    m = parse(model("model w * x", "loss huber( 2 * 0.25 )"));
    g = m.graph();
    assertThat(m.sampleLoss())
        .isSameInstanceAs(Losses.huber(g, m.prediction(), g.variable("y"), 0.5));
    m = parse(model("model w * x", "loss bce_logits"));
    g = m.graph();
    assertThat(m.sampleLoss())
        .isSameInstanceAs(Losses.bceWithLogits(g, m.prediction(), g.variable("y")));
  }

  @Test
  void theLossIsMseWhenNotDeclared() {
    ModelDefinition m = parse(model("model w * x"));
    Graph g = m.graph();
    assertThat(m.sampleLoss()).isSameInstanceAs(Losses.mse(g, m.prediction(), g.variable("y")));
    assertThat(m.lossText()).isEqualTo("mse");
  }

  @Test
  void aLossExpressionInPredAndTarget() {
    ModelDefinition m = parse(model("model w * x", "loss (pred - target)^2  # mse by hand"));
    Graph g = m.graph();
    // Written out, mse is the same node as the named one.
    assertThat(m.sampleLoss()).isSameInstanceAs(Losses.mse(g, m.prediction(), g.variable("y")));
    assertThat(m.lossText()).isEqualTo("(pred - target)^2");
    m = parse(model("model w * x", "loss log(cosh(pred - target))"));
    assertThat(ExpressionPrinter.print(m.sampleLoss())).isEqualTo("log(cosh(w * x - y))");
    m = parse(model("model w * x", "loss pred"));
    assertThat(m.sampleLoss()).isSameInstanceAs(m.prediction());
  }

  @Test
  void penalty() {
    ModelDefinition m = parse(model("param b", "let l2 = w^2 + b^2", "model w * x + b",
        "penalty 0.01 * l2   # weight decay"));
    Graph g = m.graph();
    Node l2 = g.add(g.pow(g.variable("w"), g.constant(2)), g.pow(g.variable("b"), g.constant(2)));
    assertThat(m.penalty()).isSameInstanceAs(g.mul(g.constant(0.01), l2));
    assertThat(m.penaltyText()).isEqualTo("0.01 * l2");
    assertThat(parse(model("model w * x", "penalty 0.0")).penalty().isConstant(0.0)).isTrue();
  }

  @Test
  void layout() {
    String text = "\uFEFF# a comment line\r\n\r\n\tinput\tx\t# tabs\r\n   target y\r\n"
        + "param w=2#no spaces\r\nmodel w*x\r\n   # trailing comment\r\n";
    ModelDefinition m = ModelParser.parse(text, "m.sg");
    assertThat(m.inputs()).containsExactly("x");
    assertThat(m.parameters().get(0).initializer()).isEqualTo(new Initializer.Constant(2.0));
    assertThat(m.modelText()).isEqualTo("w*x");
    // A lone \r ends a line too.
    assertThat(ModelParser.parse("input x\rtarget y\rparam w\rmodel w*x", "m.sg").modelText())
        .isEqualTo("w*x");
  }

  @Test
  void nameAndSource() {
    ModelDefinition m = ModelParser.parse(model("model w * x"), "models/demand curve.sg");
    assertThat(m.name()).isEqualTo("demand curve");
    assertThat(m.source()).isEqualTo("models/demand curve.sg");
    assertThat(ModelParser.parse(model("model w"), "C:\\m\\fit.sg").name()).isEqualTo("fit");
    assertThat(ModelParser.parse(model("model w"), "fit").name()).isEqualTo("fit");
    assertThat(ModelParser.parse(model("model w"), ".sg").name()).isEqualTo(".sg");
  }

  @Test
  void dataIsTheRestOfTheLine() {
    assertThat(parse(model("model w", "data  data/my readings.csv  # comment")).data())
        .hasValue("data/my readings.csv");
    assertThat(parse(model("model w")).data()).isEmpty();
  }

  @Test
  void aModelWithoutInputsFitsAConstant() {
    ModelDefinition m = ModelParser.parse("target y\nparam mean\nmodel mean\n", "m.sg");
    assertThat(m.inputs()).isEmpty();
    assertThat(m.prediction()).isSameInstanceAs(m.graph().variable("mean"));
  }

  @Test
  void keywordsAndLossNamesMayNameThings() {
    ModelDefinition m = ModelParser.parse(
        "input data\ninput model\ntarget loss\nparam mse\nparam let\nmodel mse * data + let"
            + " * model\nloss huber(1)", "m.sg");
    assertThat(m.inputs()).containsExactly("data", "model");
    assertThat(m.target()).isEqualTo("loss");
    Graph g = m.graph();
    assertThat(m.prediction()).isSameInstanceAs(g.add(
        g.mul(g.variable("mse"), g.variable("data")),
        g.mul(g.variable("let"), g.variable("model"))));
  }

  @Test
  void theTargetColumnMayBeCalledTarget() {
    ModelDefinition m = ModelParser.parse(
        "input x\ntarget target\nparam w\nmodel w * x\nloss abs(pred - target)", "m.sg");
    Graph g = m.graph();
    assertThat(m.target()).isEqualTo("target");
    assertThat(m.sampleLoss()).isSameInstanceAs(Losses.mae(g, m.prediction(), g.variable("target")));
  }

  @Test
  void deepModelsParse() {
    String deep = "(".repeat(50_000) + "w * x" + ")".repeat(50_000);
    ModelDefinition m = parse(model("model " + deep + " + " + "-".repeat(50_000) + "w"));
    assertThat(m.prediction().op()).isEqualTo(Op.ADD);
    assertThat(m.modelText()).hasLength(deep.length() + 3 + 50_001);
  }

  @Test
  void valuesEvaluate() {
    ModelDefinition m = ModelParser.parseFile(resource("thermometer_normalized.sg"));
    double loss = org.symgrad.compiler.model.Evaluate.at(m.sampleLoss(),
        Map.of("w", 5.0, "b", -17.0, "t_u", 50.0, "t_c", 8.0));
    assertThat(loss).isWithin(1e-12).of(Math.pow(5.0 * 0.1 * 50.0 - 17.0 - 8.0, 2));
  }
}
