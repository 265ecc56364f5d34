package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * {@link InstrType} and {@link InstrFunction} dispatch: one constant per instruction, each
 * instruction given its own. The compiler checks that every switch and every function covers
 * every type; this checks that no instruction was mapped to another's constant.
 */
class InstrTypeTest {
  private static final Temp T = new Temp(0, null);
  private static final Accumulator S = new Accumulator(0, "loss", "x");
  private static final Instr.Index J = new Instr.Index(0, 1);

  // One of every instruction, in the order Instr declares them.
  private static List<Instr> oneOfEach() {
    return List.of(new Instr.LoadParam(T, 0), new Instr.LoadColumn(T, 0),
        new Instr.LoadRowCount(T), new Instr.LoadSum(T, S),
        new Instr.Compute(T, Operation.NEG, List.of(T)), new Instr.Accumulate(S, T),
        new Instr.StoreGradient(0, T), new Instr.StoreSum(0, T), new Instr.StoreOutput(0, 1, T),
        new Instr.Call(0), new Instr.Spill(0, T), new Instr.Reload(T, 0), new Instr.Return(T),
        new Instr.Loop(null, 2, List.of(new Instr.LoadParamAt(T, J)), null),
        new Instr.LoadParamAt(T, J), new Instr.LoadColumnAt(T, J), new Instr.LoadSumAt(T, S, 1),
        new Instr.AccumulateAt(S, 1, T), new Instr.StoreGradientAt(J, T),
        new Instr.StoreSumAt(J, T), new Instr.RowLoop(List.of(new Instr.LoadColumn(T, 0))),
        new Instr.SetSumAt(S, 1, T), new Instr.LoadRowSlot(T, 0), new Instr.StoreRowSlot(0, T),
        new Instr.AccumulateRowSlot(0, T));
  }

  @Test
  void everyInstructionHasTheConstantNamedAfterIt() {
    List<Instr> all = oneOfEach();
    Set<String> declared = Arrays.stream(Instr.class.getPermittedSubclasses())
        .map(Class::getSimpleName).collect(Collectors.toSet());
    assertThat(all.stream().map(i -> i.getClass().getSimpleName()).collect(Collectors.toSet()))
        .isEqualTo(declared);
    for (Instr instr : all) {
      assertThat(InstrType.of(instr).name()).isEqualTo(snake(instr.getClass().getSimpleName()));
    }
    assertThat(all.stream().map(InstrType::of).distinct().count())
        .isEqualTo(InstrType.values().length);
  }

  @Test
  void onlyLoopsHoldInstructions() {
    for (Instr instr : oneOfEach()) {
      InstrType type = InstrType.of(instr);
      boolean loop = type == InstrType.LOOP || type == InstrType.ROW_LOOP;
      assertThat(Instr.nested(instr).isEmpty()).isEqualTo(!loop);
    }
  }

  @Test
  void theLoadsAreThoseThatReadNoTemporary() {
    for (Instr instr : oneOfEach()) {
      if (InstrType.of(instr).isLoad()) {
        assertThat(Instr.operands(instr)).isEmpty();
        assertThat(Instr.defined(instr)).isNotNull();
      }
    }
  }

  // LoadParamAt -> LOAD_PARAM_AT
  private static String snake(String camel) {
    return camel.replaceAll("(?<!^)(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
  }
}
