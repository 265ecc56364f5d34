/**
 * What a compiled model needs at run time: the {@code CompiledModel} contract, data sets
 * and batches, parameter shapes and initializers. No dependencies.
 */
@NullMarked
package org.symgrad.runtime;

import org.jspecify.annotations.NullMarked;
