package org.symgrad.compiler.parse;

import static org.symgrad.compiler.parse.ModelErrorsTest.assertAt;
import static org.symgrad.compiler.parse.ModelErrorsTest.error;

import org.junit.jupiter.api.Test;

/** SG120: an expression that would write out more terms than symgrad writes is refused. */
class ExpansionLimitTest {

  @Test
  void anOuterProductOverTheLimitIsRefusedAtItsOperator() {
    // a[j] * b[k] is 3000 * 3000 = 9 000 000 terms, over the 4 194 304 allowed.
    assertAt(error("param a[3000]", "param b[3000]", "model sum(j, sum(k, a[j] * b[k])) * x"),
        "SG120", "this operation expands to 9000000 terms, more than 4194304", 6, 26, 1,
        "symgrad writes index sums out term by term; use fewer indices in one product");
  }
}
