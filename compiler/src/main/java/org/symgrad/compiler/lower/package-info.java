/**
 * Lowering a model to the kernel IR that both emitters translate.
 */
@NullMarked
package org.symgrad.compiler.lower;

import org.jspecify.annotations.NullMarked;
