package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Functions;

/**
 * {@code x ^ n} gives {@link Functions#pow}'s bits (PyTorch's, see its test) however it is
 * computed: inline for a literal exponent, by the call for an exponent that is a parameter, in
 * bytecode and in generated source, scalar and vector, and in the graph's evaluator.
 */
class PowerFormsTest {

  @ParameterizedTest
  @ValueSource(doubles = {2, 3, -1, -2, 0.5, -0.5, 1.5, 4, -3})
  void everyPathGivesFunctionsPowBits(double exponent) {
    // a = 1 multiplies exactly: the prediction is the power's bits.
    String literal = model("model   a * x ^ " + literalText(exponent));
    String parameter = model("param   n = " + literalText(exponent) + "\nmodel   a * x ^ n");
    double[] xs = values();
    Batch batch = Batch.of(new double[][] {xs}, xs.length);
    for (String text : List.of(literal, parameter)) {
      ModelDefinition definition = Symgrad.parse(text, "power.sg");
      int classIndex = text == literal ? 0 : 1;
      List<CompiledModel> models = List.of(
          Symgrad.compile(definition, VectorMode.OFF),
          Symgrad.compile(definition, VectorMode.AUTO),
          SourceBitIdentityTest.compileSource(Symgrad.lower(definition),
              "Symgrad_Power" + classIndex + "_" + Math.abs(Double.hashCode(exponent))));
      boolean special = List.of(2.0, 3.0, -1.0, -2.0, 0.5, -0.5).contains(exponent);
      String predict = Symgrad.lower(definition).toString().split("\nloss:")[0];
      assertWithMessage("whether %s calls pow:\n%s", text, predict)
          .that(predict.contains(" pow "))
          .isEqualTo(text != literal || !special);
      double[] params = text == literal ? new double[] {1} : new double[] {1, exponent};
      for (CompiledModel model : models) {
        double[] out = new double[xs.length];
        model.predict(params.clone(), batch, out);
        for (int i = 0; i < xs.length; i++) {
          double expected = Functions.pow(xs[i], exponent);
          assertWithMessage("%s at x = %s (%s)", text, xs[i], model.getClass().getSimpleName())
              .that(Double.doubleToRawLongBits(out[i]))
              .isEqualTo(Double.doubleToRawLongBits(expected));
        }
      }
    }
    for (double x : xs) {
      assertWithMessage("evaluator at %s", x)
          .that(Double.doubleToRawLongBits(Op.POW.apply(x, exponent)))
          .isEqualTo(Double.doubleToRawLongBits(Functions.pow(x, exponent)));
    }
  }

  private static String model(String body) {
    return "input   x\ntarget  y\nparam   a = 1\n" + body + "\nloss    mse\n";
  }

  private static String literalText(double exponent) {
    return exponent < 0 ? "(" + exponent + ")" : Double.toString(exponent);
  }

  // Edge values and enough random ones for every lane and the tail of a vector loop.
  private static double[] values() {
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 2.0, -4.0, 1e-300,
        -1e-300, 1e300, Double.MIN_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN));
    Random random = new Random(3);
    for (int i = 0; i < 70; i++) {
      values.add((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12) - 6));
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
