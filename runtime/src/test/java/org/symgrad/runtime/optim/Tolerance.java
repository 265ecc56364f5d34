package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertWithMessage;

/** The project's parity criterion with PyTorch: 1e-9 relative, coordinate by coordinate. */
final class Tolerance {
  static final double RELATIVE = 1e-9;

  private Tolerance() {}

  static void assertClose(String what, double expected, double actual) {
    assertWithMessage(what).that(actual).isWithin(RELATIVE * Math.abs(expected)).of(expected);
  }

  static void assertClose(String what, double[] expected, double[] actual) {
    assertWithMessage(what + " length").that(actual.length).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertClose(what + "[" + i + "]", expected[i], actual[i]);
    }
  }
}
