package org.symgrad.compiler;

import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
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
   * The kernel IR of {@code model}, as both emitters see it. Lowering adds the derivatives'
   * nodes to the model's graph, which is not thread-safe, so it holds the graph's lock: one
   * parsed model may be compiled by several threads at once.
   */
  public static Program lower(ModelDefinition model) {
    synchronized (model.graph()) {
      return Lowering.lower(model);
    }
  }

  /** {@code model} compiled to bytecode and loaded as a hidden class; thread-safe. */
  public static CompiledModel compile(ModelDefinition model) {
    return ModelClassDefiner.define(lower(model));
  }
}
