/**
 * The two emitters of the kernel IR: bytecode (ASM) and readable Java source (JavaPoet).
 */
@NullMarked
package org.symgrad.compiler.emit;

import org.jspecify.annotations.NullMarked;
