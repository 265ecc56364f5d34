package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Each method's {@link Layout}, which both emitters take: no two things share a slot, the
 * temporaries start after them all, the names the source must have are distinct, and a
 * method has exactly the locals its kernel needs.
 */
class LayoutTest {
  private static final String THERMOMETER = """
      input t_u
      target t_c
      param w
      param b
      model w * t_u + b
      loss mse
      """;

  private static List<Program> programs() {
    ModelDefinition thermometer = ModelParser.parse(THERMOMETER, "thermometer.sg");
    return List.of(Lowering.lower(thermometer), Lowering.lower(VectorModels.mlp13()),
        Lowering.lower(VectorModels.linear(40)), // blocked
        Lowering.lower(VectorModels.linear(40), 300)); // split into helpers
  }

  @Test
  void noTwoThingsShareASlotAndTemporariesComeAfterThem() {
    for (Program program : programs()) {
      for (Kernel kernel : program.kernels()) {
        List<Layout> layouts = new ArrayList<>(List.of(kernel.layout()));
        if (kernel.isSplit()) {
          layouts.add(kernel.helperLayout());
        }
        for (Layout layout : layouts) {
          List<Integer> slots = new ArrayList<>();
          for (Layout.Local local : List.of(layout.params(), layout.batch(), layout.array(),
              layout.rows(), layout.row(), layout.scratch(), layout.from(), layout.block(),
              layout.blockEnd())) {
            if (local.slot() >= 0) {
              slots.add(local.slot());
            }
          }
          slots.addAll(layout.columns().values());
          layout.sums().values().forEach(slot -> { // a double takes two slots
            slots.add(slot);
            slots.add(slot + 1);
          });
          String where = kernel.kind() + " of " + program.info().name();
          assertWithMessage(where).that(new HashSet<>(slots)).hasSize(slots.size());
          slots.forEach(slot -> assertWithMessage(where).that(slot).isLessThan(layout.firstTemp()));
          assertWithMessage(where).that(new HashSet<>(layout.names()))
              .hasSize(layout.names().size());
        }
      }
    }
  }

  @Test
  void aMethodHasTheLocalsItsKernelNeeds() {
    for (Program program : programs()) {
      for (Kernel kernel : program.kernels()) {
        Layout layout = kernel.layout();
        assertThat(layout.scratch().slot() >= 0).isEqualTo(kernel.sumsInScratch());
        assertThat(layout.block().slot() >= 0).isEqualTo(kernel.isBlocked());
        assertThat(layout.blockEnd().slot() >= 0).isEqualTo(kernel.isBlocked());
        assertThat(layout.sums().keySet()).isEqualTo(
            kernel.sumsInScratch() ? Set.of() : new HashSet<>(kernel.sums()));
        Set<Integer> loaded = new HashSet<>();
        for (Instr instr : kernel.rowInstructions()) {
          if (InstrType.of(instr) == InstrType.LOAD_COLUMN) {
            loaded.add(((Instr.LoadColumn) instr).column());
          }
        }
        assertThat(layout.columns().keySet()).isEqualTo(loaded);
        for (Argument argument : kernel.kind().arguments()) {
          assertThat(layout.names()).contains(argument.name());
        }
        if (kernel.isSplit()) {
          assertThat(kernel.helperLayout().scratch().slot()).isAtLeast(0);
          assertThat(kernel.helperLayout().columns()).isEmpty();
        }
      }
    }
  }
}
