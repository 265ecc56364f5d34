/**
 * The model language: {@code .sg} files ({@link org.symgrad.compiler.parse.ModelParser}) and
 * free-standing expressions ({@link org.symgrad.compiler.parse.Expressions}), parsed and
 * checked into a {@link org.symgrad.compiler.model.ModelDefinition}: names, shapes, index
 * sums expanded element by element, the loss; every error a {@link
 * org.symgrad.compiler.diagnostic.Diagnostic} with a code, a place and a caret.
 *
 * <p>Owns the grammar, the one checker of a model's declarations ({@code ModelReader}) and the
 * one graph writer, {@link org.symgrad.compiler.parse.NodeWriter}. The builder records its
 * lines as the parser's declarations through {@link org.symgrad.compiler.parse.BuiltLines},
 * its expressions as {@link org.symgrad.compiler.parse.BuiltExpression}s, and the same checker
 * reads them; what a name means on a line is decided once, in {@link
 * org.symgrad.compiler.parse.LineScope}, and each front end words a refusal. The rules of
 * declarations both apply live in {@code model}. May import {@code graph}, {@code model} and {@code
 * diagnostic}; nothing after it in the pipeline.
 */
@NullMarked
package org.symgrad.compiler.parse;

import org.jspecify.annotations.NullMarked;
