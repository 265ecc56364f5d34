/**
 * The front door of the compiler, {@link org.symgrad.compiler.Symgrad}, and its errors with
 * a code and a place.
 */
@NullMarked
package org.symgrad.compiler;

import org.jspecify.annotations.NullMarked;
