/**
 * Simplification rules, one named and commented line each, applied to a fixed point.
 */
@NullMarked
package org.symgrad.compiler.simplify;

import org.jspecify.annotations.NullMarked;
