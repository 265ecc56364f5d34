/**
 * A checked model as nodes of one graph ({@link org.symgrad.compiler.model.ModelDefinition}),
 * the losses it can name, and the shapes of its arrays: what the parser and the builder
 * produce and lowering consumes.
 *
 * <p>Also the rules of declarations that both front ends apply, decided once and worded by
 * each: which names may be declared ({@link org.symgrad.compiler.model.NameRules}), when a
 * name or a column clashes ({@link org.symgrad.compiler.model.Namespace}), what an array, a
 * parameter and its initializer may be ({@link org.symgrad.compiler.model.ParamRules}), and
 * which loss fits which prediction ({@link org.symgrad.compiler.model.LossRules}), and which
 * declared names an expression may use where it is written ({@link
 * org.symgrad.compiler.model.UseRules}) and which names an index may be bound under ({@link
 * org.symgrad.compiler.model.IndexRules}).
 *
 * <p>May import {@code graph} and {@code diagnostic} only.
 */
@NullMarked
package org.symgrad.compiler.model;

import org.jspecify.annotations.NullMarked;
