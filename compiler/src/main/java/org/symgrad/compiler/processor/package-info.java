/**
 * The annotation processor: {@code @SymbolicModel} on a Java or Kotlin type becomes, at
 * compile time, a {@code CompiledModel} class (the same source {@code symgrad emit} prints)
 * and a typed front with the model's parameters, {@code predict}, {@code loss} and {@code
 * fit}.
 *
 * <p>An inline annotation is written out as the lines of a model file ({@link
 * org.symgrad.compiler.processor.InlineModel}) and read by the model parser, so annotations
 * and {@code .sg} files accept exactly the same language and report the same error codes;
 * the processor then moves each error back onto the annotation value it came from. Its own
 * codes are SG6xx ({@link org.symgrad.compiler.diagnostic.ErrorCode}).
 *
 * <p>On top of the pipeline, a user of the front door like the CLI: may import the front door
 * ({@code Symgrad.parse}, {@code Symgrad.generateSource}), {@code api}, {@code model} and
 * {@code diagnostic}, nothing from the stages.
 */
@NullMarked
package org.symgrad.compiler.processor;

import org.jspecify.annotations.NullMarked;
