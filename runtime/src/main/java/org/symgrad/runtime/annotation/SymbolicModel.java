package org.symgrad.runtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a model on a type; symgrad's annotation processor generates, next to it, the class
 * that fits it. On {@code Thermometer} it generates {@code Symgrad_Thermometer}, a typed front
 * with the model's parameters ({@code w()}, {@code setW(double)}), {@code predict(double t_u)}
 * and {@code fit(…)}, and {@code Symgrad_ThermometerModel}, the {@code CompiledModel} itself.
 *
 * <p>Either inline, one element per line of a model file:
 *
 * <pre>{@code
 * @SymbolicModel(
 *     inputs = "t_u",
 *     target = "t_c",
 *     params = {"w = 1.0", "b = 0.0"},
 *     lets = "t_un = 0.1 * t_u",
 *     model = "w * t_un + b",
 *     loss = "mse")
 * interface Thermometer {}
 * }</pre>
 *
 * or from a model file, {@code @SymbolicModel(source = "thermometer.sg")}. From Kotlin, arrays
 * are written {@code params = ["w = 1.0", "b = 0.0"]}.
 *
 * <p>A mistake in an expression is a compile error on this annotation, naming the element and
 * the column, with a caret under the culprit.
 *
 * <p>Retained in class files but not at run time: visible to tools that read compiled classes
 * (kapt's stubs, incremental builds), never loaded by the generated code, which needs only
 * symgrad's runtime.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SymbolicModel {

  /**
   * A model file ({@code .sg}) to read instead of the inline elements: relative to the
   * annotated type's package ({@code "thermometer.sg"} beside {@code org/example/}), or
   * absolute from a root with a leading {@code '/'} ({@code "/models/thermometer.sg"}), as
   * {@code Class.getResource} resolves names. It is looked for on the source path, then in
   * the class output (where Maven has copied {@code src/main/resources}), then on the class
   * path. Its {@code data} line, if any, is ignored: data is given at run time.
   */
  String source() default "";

  /** The data columns the model reads: {@code input t_u}, one per name. */
  String[] inputs() default {};

  /** The data column the model predicts: {@code target t_c}. */
  String target() default "";

  /**
   * The parameters, each as a model file's {@code param} line without its keyword: {@code "w =
   * 1.0"}, {@code "w = uniform(-1, 1)"}, or a bare name for 0.
   */
  String[] params() default {};

  /** Named intermediates, in order, each {@code "NAME = expression"}: {@code let} lines. */
  String[] lets() default {};

  /** The model expression: {@code "w * t_un + b"}. */
  String model() default "";

  /**
   * The loss: {@code mse} (the default), {@code mae}, {@code huber(delta)}, {@code bce_logits},
   * or an expression in {@code pred} and {@code target}.
   */
  String loss() default "mse";

  /** A penalty over the parameters only, added to the mean loss; empty for none. */
  String penalty() default "";
}
