/**
 * The symgrad compiler: the {@code Symgrad} front door, the model builder and the annotation
 * processor. The pipeline's packages (parse, graph, diff, simplify, lower, emit, processor)
 * are internal and not exported.
 */
module org.symgrad.compiler {
  // Compiled models implement the runtime's interfaces, which the front door returns.
  requires transitive org.symgrad.runtime;
  requires static transitive org.jspecify;
  requires org.objectweb.asm;
  requires com.palantir.javapoet;
  requires java.compiler;
  requires java.management;

  exports org.symgrad.compiler;
  exports org.symgrad.compiler.api;
  // SymgradException and its Diagnostics: what every caller catches.
  exports org.symgrad.compiler.diagnostic;
  // ModelDefinition: what Symgrad.parse and ModelBuilder.build return, and compile takes.
  exports org.symgrad.compiler.model;
  // The Kotlin DSL hands the lowered program to Symgrad; nobody else needs it.
  exports org.symgrad.compiler.lower to org.symgrad.kotlin;

  provides javax.annotation.processing.Processor
      with org.symgrad.compiler.processor.SymgradProcessor;
}
