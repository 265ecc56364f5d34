/**
 * Models built in Java or Kotlin instead of parsed from text: {@link
 * org.symgrad.compiler.api.Expr} for expressions, whose methods carry Kotlin's operator names,
 * {@link org.symgrad.compiler.api.ModelBuilder} for the declarations of a model file, and
 * {@link org.symgrad.compiler.api.Loss} for its loss line.
 *
 * <p>One front end with the parser, the builder being a typed way to write what the text
 * says: each call records the parser's declaration of the same line ({@link
 * org.symgrad.compiler.parse.BuiltLines}), and {@code build()} hands them to the parser's own
 * checker, which writes every expression through the parser's {@link
 * org.symgrad.compiler.parse.NodeWriter} in line order, so the same model gives the same nodes
 * in the same order by construction, hence the same {@link
 * org.symgrad.compiler.model.ModelDefinition}, kernel IR and bits; and its declarations and
 * loss obey the rules both front ends share in
 * {@code model} ({@link org.symgrad.compiler.model.Namespace}, {@link
 * org.symgrad.compiler.model.NameRules}, {@link org.symgrad.compiler.model.ParamRules}, {@link
 * org.symgrad.compiler.model.LossRules}, {@link org.symgrad.compiler.model.UseRules}, {@link
 * org.symgrad.compiler.model.IndexRules}) and {@link org.symgrad.compiler.parse.LineScope}.
 * What is left here is the typed calls and the wording ({@code BuilderWording}): a builder's
 * mistakes are exceptions that name the call, a file's are diagnostics with a line and a
 * caret.
 *
 * <p>On top of the pipeline: may import {@code parse}, {@code model}, {@code graph}, {@code
 * diagnostic} and the front door, {@link org.symgrad.compiler.Symgrad}; never {@code diff},
 * {@code simplify}, {@code lower} or {@code emit}.
 */
@NullMarked
package org.symgrad.compiler.api;

import org.jspecify.annotations.NullMarked;
