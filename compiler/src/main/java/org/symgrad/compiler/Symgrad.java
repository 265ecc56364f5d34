package org.symgrad.compiler;

import java.nio.file.Path;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.CompiledModel;

/**
 * The front door: from a model to a callable {@link CompiledModel}.
 *
 * <pre>{@code
 * ModelDefinition model = Symgrad.parseFile(Path.of("thermometer.sg"));
 * CompiledModel compiled = Symgrad.compile(model);
 * double loss = compiled.lossAndGradient(params, batch, grad);
 * }</pre>
 */
public final class Symgrad {
  /** The version written into generated code. */
  public static final String VERSION = "0.1";

  private Symgrad() {}

  /**
   * The model in an {@code .sg} file.
   *
   * @throws SymgradException with every bad line's place and caret
   */
  public static ModelDefinition parseFile(Path file) {
    return ModelParser.parseFile(file);
  }

  /** The model in {@code text}; {@code sourceName} names it in messages. */
  public static ModelDefinition parse(String text, String sourceName) {
    return ModelParser.parse(text, sourceName);
  }

  /** The kernel IR of {@code model}, as both emitters see it. */
  public static Program lower(ModelDefinition model) {
    return Lowering.lower(model);
  }

  /** {@code model} compiled to bytecode and loaded as a hidden class. */
  public static CompiledModel compile(ModelDefinition model) {
    return ModelClassDefiner.define(lower(model));
  }
}
