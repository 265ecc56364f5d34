/**
 * Reverse-mode differentiation over the graph: one derivative rule per op, in one file.
 */
@NullMarked
package org.symgrad.compiler.diff;

import org.jspecify.annotations.NullMarked;
