/**
 * A checked model as nodes of one graph, and the losses it can name.
 */
@NullMarked
package org.symgrad.compiler.model;

import org.jspecify.annotations.NullMarked;
