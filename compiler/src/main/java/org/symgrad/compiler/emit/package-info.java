/**
 * The two printers of the kernel IR: bytecode ({@link
 * org.symgrad.compiler.emit.BytecodeEmitter}, ASM, defined as hidden classes by {@link
 * org.symgrad.compiler.emit.ModelClassDefiner}) and readable Java source ({@link
 * org.symgrad.compiler.emit.SourceEmitter}, JavaPoet). Both print the same {@code Program}
 * statement for instruction through {@code lower.InstrVisitor}, so their doubles are
 * bit-identical; a kernel's vector row loop is printed where the IR marks it ({@code
 * Kernel.vectorised()}), decided by {@code lower.Vectorisable}; each statement stands on the
 * line the IR's layout gives it ({@code Kernel.lines()}), which the source prints and the
 * bytecode's line numbers name. At run time a chunked model is two hidden classes: its short
 * passes, and its long and chunked passes, defined at their first call ({@code LazyKernels},
 * {@code BytecodeEmitter.Part}). The bytecode's stack map frames and maxima come from the code's structure
 * ({@code FrameWriter}), not from ASM's analysis. How a class is made ({@link
 * org.symgrad.compiler.emit.EmitOptions}) is passed in; nothing here reads system properties.
 *
 * <p>May import: {@code lower}, the runtime, and the shared error types ({@code Diagnostic},
 * {@code SymgradException}). Never the front door ({@code Symgrad}), nor parse, graph, diff or
 * simplify.
 */
@NullMarked
package org.symgrad.compiler.emit;

import org.jspecify.annotations.NullMarked;
