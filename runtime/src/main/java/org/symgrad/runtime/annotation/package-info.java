/**
 * Annotations read at compile time by symgrad's annotation processor: {@link
 * org.symgrad.runtime.annotation.SymbolicModel} declares a model on a Java or Kotlin type.
 */
@NullMarked
package org.symgrad.runtime.annotation;

import org.jspecify.annotations.NullMarked;
