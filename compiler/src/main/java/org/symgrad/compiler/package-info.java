/**
 * The front door of the compiler, {@link org.symgrad.compiler.Symgrad}: it owns the pipeline,
 * parse → graph → diff → simplify → lower → emit, and may import every stage. Users (the CLI,
 * the Kotlin module, the samples) import only this package, {@code api}, {@code model} and
 * {@code diagnostic}; {@code PackageMapTest} checks the map.
 */
@NullMarked
package org.symgrad.compiler;

import org.jspecify.annotations.NullMarked;
