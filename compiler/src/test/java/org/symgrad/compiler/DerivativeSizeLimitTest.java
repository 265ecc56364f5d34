package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;

/**
 * The derivatives of one expression are refused (SG120) when their text or their Hessian
 * would be too large, before the memory is spent: each derivative of a product of n
 * variables names the n - 1 others, so its gradient prints as about 7.6 n² chars (3 000
 * variables: 68 million) and its Hessian has about 4 n² nodes.
 */
class DerivativeSizeLimitTest {

  private static String product(int n) {
    return IntStream.range(0, n).mapToObj(i -> "x" + i).collect(Collectors.joining(" * "));
  }

  private static Map<String, Double> ones(ExpressionDerivatives d) {
    return d.variableNames().stream().collect(Collectors.toMap(Function.identity(), v -> 1.0));
  }

  @Test
  void derivativesThatWouldPrintTooLongAreRefusedBeforePrinting() {
    String text = product(3000);
    ExpressionDerivatives d = Symgrad.gradient(text);
    SymgradException e = assertThrows(SymgradException.class, () -> d.derivatives(1_000_000));
    Diagnostic first = e.first();
    assertThat(first.code()).isEqualTo("SG120");
    assertThat(first.message()).isEqualTo("the derivatives print as 68644104 characters, more "
        + "than 16777216, the most symgrad prints for one expression");
    assertThat(first.source()).isEqualTo("<expression>");
    assertThat(first.column()).isEqualTo(1);
    assertThat(first.length()).isEqualTo(text.length());
    // The values need no text: they are still there.
    assertThat(d.at(ones(d)).gradient().get("x0")).isEqualTo(1.0);
  }

  @Test
  void justUnderTheLimitTheDerivativesArePrinted() {
    // 1 400 variables: 15 million chars, under 16 Mi.
    Map<String, String> texts = Symgrad.gradient(product(1400)).derivatives(1_000_000);
    long total = texts.values().stream().mapToLong(String::length).sum();
    assertThat(total).isAtMost(ExpressionDerivatives.MOST_PRINTED);
    assertThat(total).isAtLeast(ExpressionDerivatives.MOST_PRINTED * 3 / 4);
  }

  @Test
  void eachDerivativeCountsAsItsCutText() {
    // sin(sin(…)) of depth 2 000: each derivative text repeats the inner parts, far past the
    // cut, but only the cut text is printed, so it is not refused.
    String nested = "sin(".repeat(2000) + "x" + ")".repeat(2000);
    Map<String, String> texts = Symgrad.gradient(nested).derivatives(100_000);
    assertThat(texts.get("x")).hasLength(100_001);
    assertThat(texts.get("x")).endsWith("…");
  }

  @Test
  void aHessianTooLargeToMakeIsRefusedBeforeItIsMade() {
    ExpressionDerivatives d = Symgrad.gradient(product(1000));
    SymgradException e = assertThrows(SymgradException.class, () -> d.at(ones(d)).hessian());
    assertThat(e.first().code()).isEqualTo("SG120");
    assertThat(e.first().message()).isEqualTo("the Hessian of 1000 variables over a gradient "
        + "of 5995 nodes takes 5995000 steps, more than 4194304, the most symgrad takes for "
        + "one expression");
    assertThrows(SymgradException.class, () -> d.secondDerivatives(1000));
  }

  @Test
  void aHessianWithinTheLimitIsMade() {
    ExpressionDerivatives d = Symgrad.gradient(product(200));
    assertThat(d.at(ones(d)).hessian().get("x0").get("x1")).isEqualTo(1.0);
  }

  @Test
  void secondDerivativesThatWouldPrintTooLongAreRefused() {
    // 200 variables: 20 100 entries of about 1 400 chars each, 28 million in all.
    SymgradException e = assertThrows(SymgradException.class,
        () -> Symgrad.gradient(product(200)).secondDerivatives(1_000_000));
    assertThat(e.first().message()).startsWith("the second derivatives print as ");
  }
}
