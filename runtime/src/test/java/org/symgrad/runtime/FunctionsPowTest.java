package org.symgrad.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Functions#pow} gives {@code torch.pow}'s bits at the exponents PyTorch computes
 * without pow (x*x, 1/x, sqrt …), edge values included, and its value within an ulp at the
 * others, where both call a pow (the C library's, the JVM's) that may round differently:
 * torch/pow.tsv, made by torch/make_pow.py with PyTorch 1.13.
 */
class FunctionsPowTest {
  private static final List<Double> SPECIAL = List.of(2.0, 3.0, -1.0, -2.0, 0.5, -0.5);

  @Test
  void matchesTorchPowBitForBit() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/torch/pow.tsv")) {
      assertWithMessage("torch/pow.tsv").that(in).isNotNull();
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .toList();
    }
    int differentFromMathPow = 0;
    for (String line : lines) {
      String[] fields = line.split("\t");
      double x = number(fields[0]);
      double exponent = number(fields[1]);
      double torch = number(fields[2]);
      double ours = Functions.pow(x, exponent);
      if (!SPECIAL.contains(exponent) && Double.isFinite(torch)) {
        assertWithMessage("pow(%s, %s)", x, exponent).that(ours)
            .isWithin(Math.ulp(torch)).of(torch);
      } else if (Double.isNaN(torch)) {
        assertWithMessage("pow(%s, %s)", x, exponent).that(ours).isNaN();
      } else if (!SPECIAL.contains(exponent)) {
        assertWithMessage("pow(%s, %s)", x, exponent).that(ours).isEqualTo(torch);
      } else {
        assertWithMessage("pow(%s, %s)", x, exponent)
            .that(Double.doubleToRawLongBits(ours)).isEqualTo(Double.doubleToRawLongBits(torch));
      }
      if (SPECIAL.contains(exponent) && Double.compare(ours, Math.pow(x, exponent)) != 0) {
        differentFromMathPow++;
      }
    }
    assertThat(lines.size()).isAtLeast(1000);
    // Functions.pow would be needless if Math.pow already gave torch's bits there.
    assertThat(differentFromMathPow).isGreaterThan(0);
  }

  // Python's float.hex, with its inf, -inf and nan.
  private static double number(String text) {
    return switch (text) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
