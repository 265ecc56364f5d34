package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code symgrad grad}: values, gradients, derivatives, Hessians, and bad input. */
class GradCommandTest {

  @Test
  void aPointWithoutEveryVariableIsRefusedBeforeAnyOutputInAShortLine() {
    String sum = String.join(" + ", java.util.stream.IntStream.range(0, 3000)
        .mapToObj(i -> "v" + i).toList());

    CommandRun run = CommandRun.of("grad", sum, "--at", "v1=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--at gives no value for v0, v2, v3");
    assertThat(run.err()).contains("(2999 in all)");
    assertThat(run.err().length()).isLessThan(1000);
  }

  @Test
  void derivativeOfCubeIsThreeXSquared() throws Exception {
    CommandRun run = CommandRun.of("grad", "x^3", "--at", "x=2", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode answer = Json.mapper().readTree(run.lastOutLine());
    assertThat(answer.get("value").asDouble()).isEqualTo(8.0);
    assertThat(answer.get("gradient").get("x").asDouble()).isEqualTo(12.0);
    assertThat(answer.get("derivative").get("x").asText()).isEqualTo("3 * x^2");
  }

  @Test
  void aVariableThatSimplifiesAwayIsStillInTheGradientWithZero() throws Exception {
    JsonNode power = Json.mapper().readTree(
        CommandRun.of("grad", "x^0", "--at", "x=1", "--json").lastOutLine());
    assertThat(power.get("gradient").get("x").asDouble()).isEqualTo(0.0);
    assertThat(power.get("derivative").get("x").asText()).isEqualTo("0");

    JsonNode product = Json.mapper().readTree(
        CommandRun.of("grad", "0*x + y", "--at", "x=2,y=3", "--json").lastOutLine());
    assertThat(product.get("value").asDouble()).isEqualTo(3.0);
    assertThat(product.get("gradient").get("x").asDouble()).isEqualTo(0.0);
    assertThat(product.get("gradient").get("y").asDouble()).isEqualTo(1.0);
  }

  @Test
  void linearModelDerivativeByWeightIsTheInput() throws Exception {
    CommandRun run = CommandRun.of("grad", "w * t_u + b", "--at", "w=1,t_u=35.7,b=0", "--json");

    JsonNode answer = Json.mapper().readTree(run.lastOutLine());
    assertThat(answer.get("derivative").get("w").asText()).isEqualTo("t_u");
    assertThat(answer.get("derivative").get("b").asText()).isEqualTo("1");
    assertThat(answer.get("gradient").get("w").asDouble()).isEqualTo(35.7);
  }

  @Test
  void severalPointsGiveAnArray() throws Exception {
    CommandRun run = CommandRun.of("grad", "sin(x) * y", "--at", "x=0,y=1", "--at", "x=1,y=2",
        "--json");

    JsonNode answer = Json.mapper().readTree(run.lastOutLine());
    assertThat(answer.isArray()).isTrue();
    assertThat(answer.size()).isEqualTo(2);
    assertThat(answer.get(1).get("gradient").get("y").asDouble()).isEqualTo(Math.sin(1));
  }

  @Test
  void hessianAgreesWithDifferencesOfTheGradient() throws Exception {
    String expression = "exp(x * y) + sin(x) * y^3 - log(1 + x^2)";
    double x = 0.7;
    double y = -0.4;
    JsonNode answer = Json.mapper().readTree(CommandRun.of("grad", expression,
        "--at", "x=" + x + ",y=" + y, "--hessian", "--json").lastOutLine());
    double h = 1e-6;
    for (String row : new String[] {"x", "y"}) {
      for (String column : new String[] {"x", "y"}) {
        double plus = gradient(expression, row, x + (column.equals("x") ? h : 0),
            y + (column.equals("y") ? h : 0));
        double minus = gradient(expression, row, x - (column.equals("x") ? h : 0),
            y - (column.equals("y") ? h : 0));
        double numeric = (plus - minus) / (2 * h);
        double symbolic = answer.get("hessian").get(row).get(column).asDouble();
        assertThat(Math.abs(symbolic - numeric) / Math.max(1, Math.abs(numeric)))
            .isLessThan(1e-6);
      }
    }
  }

  @Test
  void nonFiniteValuesAreStrings() throws Exception {
    JsonNode answer = Json.mapper().readTree(
        CommandRun.of("grad", "log(x)", "--at", "x=0", "--json").lastOutLine());
    assertThat(answer.get("value").asText()).isEqualTo("-Infinity");
    assertThat(answer.get("gradient").get("x").asText()).isEqualTo("Infinity");
  }

  @Test
  void doubleDashLetsAnExpressionStartWithMinus() throws Exception {
    CommandRun run = CommandRun.of("grad", "--at", "x=3", "--json", "--", "-x^2");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode answer = Json.mapper().readTree(run.lastOutLine());
    assertThat(answer.get("value").asDouble()).isEqualTo(-9.0);
    assertThat(answer.get("gradient").get("x").asDouble()).isEqualTo(-6.0);
  }

  @Test
  void standardInputAnswersEveryLineInOrder() throws Exception {
    CommandRun run = CommandRun.withInput("x^2\n2 * (x + 1\n\nsin(x)\n", "grad", "-",
        "--at", "x=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).hasSize(4);
    assertThat(Json.mapper().readTree(run.outLines().get(0)).get("value").asDouble())
        .isEqualTo(1.0);
    JsonNode error = Json.mapper().readTree(run.outLines().get(1));
    assertThat(error.get("line").asInt()).isEqualTo(2);
    assertThat(error.has("error")).isTrue();
    assertThat(error.get("column").asInt()).isAtLeast(1);
    assertThat(Json.mapper().readTree(run.outLines().get(2)).get("line").asInt()).isEqualTo(3);
    assertThat(Json.mapper().readTree(run.outLines().get(3)).get("value").asDouble())
        .isEqualTo(Math.sin(1));
  }

  @Test
  void badExpressionPrintsCaretAndExitsTwo() {
    for (String bad : new String[] {"2 * (x + 1", "x +* y", "sin()", "foo(x)", "3x"}) {
      CommandRun run = CommandRun.of("grad", bad, "--at", "x=1,y=2");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("<expression>:1:");
      assertThat(run.err()).contains("^");
      assertThat(run.err()).doesNotContain("Exception");
      assertThat(run.err()).doesNotContain("\tat ");
    }
  }

  @Test
  void missingVariableValueIsAUsageError() {
    CommandRun run = CommandRun.of("grad", "x * y", "--at", "x=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no value for y");
  }

  @Test
  void malformedPointIsAUsageError() {
    CommandRun run = CommandRun.of("grad", "x", "--at", "x:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not name=value");
  }

  private static double gradient(String expression, String variable, double x, double y)
      throws Exception {
    JsonNode answer = Json.mapper().readTree(CommandRun.of("grad", expression,
        "--at", "x=" + x + ",y=" + y, "--json").lastOutLine());
    return answer.get("gradient").get(variable).asDouble();
  }
}
