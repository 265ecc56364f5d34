/**
 * The symbolic graph: immutable nodes interned by a {@link
 * org.symgrad.compiler.graph.Graph}, so that equal expressions are one node.
 */
@NullMarked
package org.symgrad.compiler.graph;

import org.jspecify.annotations.NullMarked;
