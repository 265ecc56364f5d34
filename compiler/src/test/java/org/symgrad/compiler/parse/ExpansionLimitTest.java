package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
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

  @Test
  void theDeclaredElementsOfAModelAreCountedBeforeAnyIsMade() {
    // x and w of the head are 2 elements; A to D add 4 * 2048 * 2048 = 16 777 216, the
    // model's limit: refused at D's name, from the declarations alone, before any node is made.
    assertAt(error("param A[2048, 2048]", "param B[2048, 2048]", "param C[2048, 2048]",
            "param D[2048, 2048]", "model A[0, 0] * D[0, 0] * x"), "SG120",
        "the params and inputs declared up to 'D' have 16777218 elements, more than 16777216"
            + " in one model", 7, 7, 1,
        "each element is a number in the parameters, the gradient and the optimizer's state,"
            + " whether the model uses it or not; declare only the elements it uses");
  }

  @Test
  void oneArrayMayHaveTheArrayLimitBesideOtherDeclarations() {
    // 2048 * 2048 is one array's limit; x and w beside it are within the model's.
    assertThat(ModelParser.parse(String.join("\n", "input x", "target y", "param w",
        "param W[2048, 2048]", "model W[0, 0] * x + w"), "m.sg").parameters()).hasSize(2);
  }
}
