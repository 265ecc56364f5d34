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

  @Test
  void theDeclaredElementsOfAModelAreCountedBeforeAnyIsMade() {
    // x and w of the head are 2 elements; W adds 2048 * 2048 = 4 194 304, one array's limit:
    // refused at W's name, from the declarations alone, before a single variable is made.
    assertAt(error("param W[2048, 2048]", "model W[0, 0] * x"), "SG120",
        "the params and inputs declared up to 'W' have 4194306 elements, more than 4194304"
            + " in one model", 4, 7, 1,
        "each element is a variable with its own gradient, written out one by one, whether"
            + " the model uses it or not; declare only the elements it uses");
  }

  @Test
  void theBudgetIsTheWholeModelsNotEachArrays() {
    // Each array is half of one array's limit; with x and w, the second crosses the budget.
    assertAt(error("param A[2048, 1024]", "param B[1024, 2048]", "model A[0, 0] * B[0, 0] * x"),
        "SG120", "the params and inputs declared up to 'B' have 4194306 elements, more than"
            + " 4194304 in one model", 5, 7, 1,
        "each element is a variable with its own gradient, written out one by one, whether"
            + " the model uses it or not; declare only the elements it uses");
  }
}
