/**
 * A checked model as nodes of one graph ({@link org.symgrad.compiler.model.ModelDefinition}),
 * the losses it can name, and the shapes of its arrays: what the parser and the builder
 * produce and lowering consumes.
 *
 * <p>May import {@code graph} and {@code diagnostic} only.
 */
@NullMarked
package org.symgrad.compiler.model;

import org.jspecify.annotations.NullMarked;
