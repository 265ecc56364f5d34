package org.symgrad.compiler.diff;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.ExpressionDerivatives;
import org.symgrad.compiler.Symgrad;

/**
 * Issue 16, defects 2 and 3: derivatives at branch points select the active branch, as
 * PyTorch's autograd does, so an infinite partial of the inactive branch is dropped instead of
 * multiplied by 0 into NaN ({@code sqrt(relu(x))} at x < 0), and the power rule gives 0 for
 * d(x^p)/dp at x = 0, p >= 0. The expected values are torch's, in float64, from {@code
 * torch_branches.py} beside the CSV; where the function is differentiable at the point, the
 * gradient also agrees with central differences.
 */
class BranchDerivativesTest {
  static Stream<Arguments> torchCases() throws IOException {
    List<String> lines;
    try (InputStream in = BranchDerivativesTest.class.getResourceAsStream("torch_branches.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
    }
    return lines.stream().map(line -> {
      String[] fields = line.split(";");
      return Arguments.of(fields[0], values(fields[1]), values(fields[2]));
    });
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("torchCases")
  void gradientIsTorchs(String expression, Map<String, Double> point,
      Map<String, Double> torch) {
    ExpressionDerivatives derivatives = Symgrad.gradient(expression);
    Map<String, Double> gradient = derivatives.at(point).gradient();
    torch.forEach((variable, expected) -> {
      // a variable the expression simplifies away has derivative 0 (not this test's subject)
      double actual = gradient.getOrDefault(variable, 0.0);
      assertWithMessage("d/d%s of %s at %s (torch: %s)", variable, expression, point, expected)
          .that(close(actual, expected)).isTrue();
      Double central = centralDifference(derivatives, point, variable);
      if (central != null) {
        assertWithMessage("d/d%s of %s at %s against central differences (%s)", variable,
            expression, point, central).that(Math.abs(actual - central))
            .isAtMost(1e-6 * Math.max(1, Math.abs(central)));
      }
    });
  }

  // Exact for 0, infinities and NaN; to 1e-12 relative otherwise (torch's pow is not Java's).
  private static boolean close(double actual, double expected) {
    if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
      return Double.compare(actual + 0.0, expected + 0.0) == 0;
    }
    return Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);
  }

  /**
   * The central difference at {@code point}, or null where the function is not differentiable
   * there: where it is not finite nearby, or its one-sided slopes disagree (a kink).
   */
  private static Double centralDifference(ExpressionDerivatives derivatives,
      Map<String, Double> point, String variable) {
    double x = point.get(variable);
    double h = 1e-6 * Math.max(1, Math.abs(x));
    double center = value(derivatives, point, variable, x);
    double plus = value(derivatives, point, variable, x + h);
    double minus = value(derivatives, point, variable, x - h);
    if (!Double.isFinite(center) || !Double.isFinite(plus) || !Double.isFinite(minus)) {
      return null;
    }
    double right = (plus - center) / h;
    double left = (center - minus) / h;
    if (Math.abs(right - left) > 1e-4 * Math.max(1, Math.abs(right))) {
      return null;
    }
    return (plus - minus) / (2 * h);
  }

  private static double value(ExpressionDerivatives derivatives, Map<String, Double> point,
      String variable, double at) {
    Map<String, Double> moved = new HashMap<>(point);
    moved.put(variable, at);
    return derivatives.at(moved).value();
  }

  private static Map<String, Double> values(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      String[] nameValue = pair.split("=");
      values.put(nameValue[0], Double.parseDouble(nameValue[1]));
    }
    return values;
  }
}
