package org.symgrad.compiler;

import java.util.Random;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.ModelInfo;

/**
 * Vector models written in the model language, and random data for them, for tests that must
 * hold for models with arrays, index sums, vector outputs and the classification losses.
 */
public final class VectorModels {
  private VectorModels() {}

  /** The book's chapter-6 network: {@code Linear(1, 13) -> Tanh -> Linear(13, 1)}. */
  public static ModelDefinition mlp13() {
    return parse("mlp13", """
        input t_u
        target t_c
        param W1[13, 1] = linear_init(1)
        param b1[13] = linear_init(1)
        param w2[13] = linear_init(13)
        param b2 = linear_init(13)
        let x = 0.1 * t_u
        let h[j] = tanh(W1[j, 0] * x + b1[j])
        model sum(j, w2[j] * h[j]) + b2
        """);
  }

  /** A softmax classifier of three classes over two features. */
  public static ModelDefinition softmax3() {
    return parse("softmax3", """
        input x[2]
        target label
        param W[3, 2] = normal(0, 1)
        param c[3]
        model score[k] = sum(j, W[k, j] * x[j]) + c[k]
        loss cross_entropy
        """);
  }

  /** Logistic regression over three features, with a penalty. */
  public static ModelDefinition logistic() {
    return parse("logistic", """
        input x[3] = f1, f2, f3
        target y
        param w[3] = normal(0, 1)
        param b
        model sum(j, w[j] * x[j]) + b
        loss bce_logits
        penalty 0.01 * sum(j, w[j]^2)
        """);
  }

  /** A linear model of {@code n} features: {@code sum(j, w[j] * x[j]) + b}. */
  public static ModelDefinition linear(int n) {
    return parse("linear" + n, "input x[" + n + "]\ntarget y\nparam w[" + n + "]\nparam b\n"
        + "model sum(j, w[j] * x[j]) + b\n");
  }

  /** One hidden tanh layer of {@code hidden} units over {@code inputs} inputs. */
  public static ModelDefinition mlp(int hidden, int inputs) {
    return parse("mlp" + hidden, "input x[" + inputs + "]\ntarget y\n"
        + "param W1[" + hidden + ", " + inputs + "] = linear_init(" + inputs + ")\n"
        + "param b1[" + hidden + "] = linear_init(" + inputs + ")\n"
        + "param w2[" + hidden + "] = linear_init(" + hidden + ")\n"
        + "param b2 = linear_init(" + hidden + ")\n"
        + "let h[j] = tanh(sum(k, W1[j, k] * x[k]) + b1[j])\n"
        + "model sum(j, w2[j] * h[j]) + b2\n");
  }

  private static ModelDefinition parse(String name, String text) {
    return ModelParser.parse(text, name + ".sg");
  }

  /**
   * {@code rows} rows of the model's columns: inputs uniform on [-2, 2), the target a class
   * label for a classifier, 0 or 1 for {@code bce_logits}, else uniform on [-2, 2).
   */
  public static Batch batch(ModelDefinition model, Random random, int rows) {
    double[][] columns = new double[model.inputs().size() + 1][rows];
    for (int c = 0; c < columns.length; c++) {
      for (int r = 0; r < rows; r++) {
        columns[c][r] = random.nextDouble() * 4 - 2;
      }
    }
    double[] target = columns[columns.length - 1];
    for (int r = 0; r < rows; r++) {
      if (model.targetClasses() > 0) {
        target[r] = random.nextInt(model.targetClasses());
      } else if (model.lossText().equals("bce_logits")) {
        target[r] = random.nextInt(2);
      }
    }
    return Batch.of(columns, rows);
  }

  /** The batch without its target column, as predict takes it. */
  public static Batch inputsOf(Batch batch) {
    double[][] inputs = new double[batch.width() - 1][];
    for (int c = 0; c < inputs.length; c++) {
      inputs[c] = batch.column(c);
    }
    return Batch.of(inputs, batch.size());
  }

  /** Parameters drawn by the model's own initializers, seeded. */
  public static double[] params(ModelInfo info, long seed) {
    return info.initialParameters(seed);
  }
}
