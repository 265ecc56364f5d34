/**
 * The model language: {@code .sg} files and free-standing expressions, parsed into a graph.
 */
@NullMarked
package org.symgrad.compiler.parse;

import org.jspecify.annotations.NullMarked;
