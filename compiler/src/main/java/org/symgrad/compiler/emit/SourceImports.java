package org.symgrad.compiler.emit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.InstrType;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Program;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Functions;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.Kernels;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.Scratch;
import org.symgrad.runtime.SumLanes;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The types a program's source names, decided from the program alone: the file imports each
 * one outside {@code java.lang} and outside its own package, one a line, so {@link FileLayout}
 * counts them without rendering. The source printers name a type where, and only where, this
 * says it is named; {@code SourceLayoutTest} checks the two agree.
 */
final class SourceImports {
  private SourceImports() {}

  /** The canonical names the file imports, as JavaPoet sorts them. */
  static Set<String> of(Program program, String packageName, String className) {
    Set<Class<?>> types = new java.util.HashSet<>(
        List.of(CompiledModel.class, ModelInfo.class, List.class));
    if (!program.info().parameters().isEmpty()) {
      types.addAll(List.of(ParameterInfo.class, Initializer.class));
    }
    if (program.isChunked()) {
      types.add(ChunkedKernels.class);
    }
    if (program.kernels().stream().anyMatch(kernel -> kernel.scratchLength() > 0)) {
      types.add(Scratch.class);
    }
    Set<String> names = new TreeSet<>();
    for (Kernel kernel : program.kernels()) {
      types.addAll(kernelTypes(kernel));
      if (kernel.vectorised()) {
        names.add(VectorLoopSource.DOUBLE_VECTOR.canonicalName());
      }
    }
    types.stream().map(Class::getCanonicalName).forEach(names::add);
    names.removeIf(name -> packageOf(name).equals(packageName));
    // A type named as the class itself is written in full, not imported.
    names.removeIf(name -> name.substring(name.lastIndexOf('.') + 1).equals(className));
    return names;
  }

  // What KernelSource, StatementWriter and VectorLoopSource name with $T in one kernel.
  private static Set<Class<?>> kernelTypes(Kernel kernel) {
    Set<Class<?>> types = new java.util.HashSet<>();
    if (kernel.isSplit() || kernel.kind().arguments().stream()
        .anyMatch(a -> a.type() == org.symgrad.compiler.lower.Argument.Type.BATCH)) {
      types.add(Batch.class);
    }
    if (!kernel.checks().isEmpty()) {
      types.add(Kernels.class); // Kernels.checkParams(params, 2);
    }
    if (kernel.sumsInScratch() && !kernel.sums().isEmpty()) {
      types.add(Arrays.class);
    }
    if (!kernel.vectorised() && kernel.picksLanes()) {
      types.add(SumLanes.class); // int lane = SumLanes.lane(…)
    }
    boolean finish = kernel.kind() == Kernel.Kind.FINISH;
    List<Instr> main = new java.util.ArrayList<>(kernel.prologue());
    main.addAll(kernel.body());
    main.addAll(kernel.epilogue());
    addCodeTypes(types, kernel, main, finish, kernel.sumsInScratch());
    kernel.helpers().forEach(helper -> addCodeTypes(types, kernel, helper.code(), finish, true));
    return types;
  }

  // sumsElsewhere: the method keeps no sum in a local, so a sum is read as SumLanes.total.
  private static void addCodeTypes(Set<Class<?>> types, Kernel kernel, List<Instr> code,
      boolean finish, boolean sumsElsewhere) {
    for (Instr instr : code) {
      switch (InstrType.of(instr)) {
        case COMPUTE -> {
          var operation = ((Instr.Compute) instr).operation();
          if (operation.isCall() && !"Math".equals(operation.owner())) {
            types.add(Functions.class);
          }
        }
        case LOAD_SUM -> {
          if (!finish && sumsElsewhere) {
            types.add(SumLanes.class);
          }
        }
        case LOAD_SUM_AT -> {
          if (!finish) {
            types.add(SumLanes.class);
          }
        }
        case ROW_LOOP -> {
          if (((Instr.RowLoop) instr).addsToSums() && kernel.sumsRows() && sumsElsewhere) {
            types.add(SumLanes.class); // its rows pick their lanes
          }
          addCodeTypes(types, kernel, ((Instr.RowLoop) instr).body(), finish, sumsElsewhere);
        }
        case LOOP -> addCodeTypes(types, kernel, ((Instr.Loop) instr).body(), finish,
            sumsElsewhere);
        default -> { }
      }
    }
  }

  private static String packageOf(String canonicalName) {
    return canonicalName.substring(0, canonicalName.lastIndexOf('.'));
  }
}
