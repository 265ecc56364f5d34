package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.parse.ModelParser;

/**
 * The lowering splits kernels below the JVM's method limit, so SG501 is the emitter's guard
 * against a lowering that failed to: a program lowered with the splitting turned off is
 * refused with SG501 and its advice, never with ASM's {@code MethodTooLargeException}.
 */
class MethodTooLargeTest {

  @Test
  void anUnsplitKernelOverTheLimitIsRefusedWithSg501() {
    String text = "input x\ntarget y\nparam w = 0.5\nmodel " + "sin(w * x) + ".repeat(20_000)
        + "w\n";
    Program unsplit = Lowering.lower(ModelParser.parse(text, "huge.sg"), Integer.MAX_VALUE,
        Integer.MAX_VALUE);

    SymgradException e = assertThrows(SymgradException.class,
        () -> ModelClassDefiner.define(unsplit));

    assertThat(e.first().code()).isEqualTo("SG501");
    assertThat(e.getMessage()).contains("too large for one JVM method");
    assertThat(e.getMessage()).contains("the limit is 65535");
  }
}
