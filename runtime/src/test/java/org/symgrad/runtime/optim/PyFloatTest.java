package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages quote numbers as Python's repr() does, as torch's messages do. */
class PyFloatTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    // value as Java reads it, Python 3's repr of the same double
    "1e-05, 1e-05",
    "0.0001, 0.0001",
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "123456789012345678.0, 1.2345678901234568e+17",
    "-1, -1.0",
    "0.1, 0.1",
    "0.30000000000000004, 0.30000000000000004",
    "1.5e-07, 1.5e-07",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-0.0, -0.0",
    "0, 0.0",
    "100, 100.0",
    "123.456, 123.456",
    "2e-3, 0.002",
    "1e22, 1e+22",
    "9007199254740993, 9007199254740992.0",
    "2.2250738585072014E-308, 2.2250738585072014e-308",
    "-2.5e-10, -2.5e-10",
    "0.3333333333333333, 0.3333333333333333",
    "NaN, nan",
    "Infinity, inf",
    "-Infinity, -inf",
  })
  void writesAsPythonsRepr(double value, String python) {
    assertThat(PyFloat.repr(value)).isEqualTo(python);
  }

  @Test
  void readsBackAsTheSameDouble() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(x)) {
        assertThat(Double.parseDouble(PyFloat.repr(x))).isEqualTo(x);
      }
    }
  }
}
