package org.symgrad.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.symgrad.compiler.lower.Accumulator;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Operation;
import org.symgrad.compiler.lower.Value;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Functions;
import org.symgrad.runtime.ModelInfo;

/**
 * Writes one {@link Kernel} as the Java method {@link KernelWriter} writes as bytecode: the
 * same statements in the same order, one IR instruction a statement, so javac emits the same
 * floating-point operations. Temporaries keep their IR numbers ({@code t7}) unless the model
 * names them ({@code w}, {@code t_un}, {@code pred}).
 *
 * <p>It also remembers what each statement starts with, in order, so that {@link #lines} can
 * find them in the rendered file afterwards.
 */
final class KernelSource {
  private static final ClassName MATH = ClassName.get(Math.class);
  private static final ClassName FUNCTIONS = ClassName.get(Functions.class);

  private final Kernel kernel;
  private final LocalNames names = new LocalNames();
  private final String params;
  private final String batch;
  private final String array; // grad or out; null for loss
  private final String rows;
  private final String row;
  private final Map<Integer, String> temps = new HashMap<>();
  private final Map<Integer, String> columns = new TreeMap<>(); // column order, as KernelWriter
  private final Map<Accumulator, String> sums = new HashMap<>();
  private final List<String> anchors = new ArrayList<>();
  private final MethodSpec method;

  KernelSource(Kernel kernel, ModelInfo info) {
    this.kernel = kernel;
    // The interface's own parameter names, taken first: a user's names give way to them.
    params = names.fixed("params");
    batch = names.fixed(kernel.kind() == Kernel.Kind.PREDICT ? "inputs" : "batch");
    array = switch (kernel.kind()) {
      case PREDICT -> names.fixed("out");
      case LOSS -> null;
      case LOSS_AND_GRADIENT -> names.fixed("grad");
    };
    rows = names.fixed("rows");
    row = names.fixed("row");
    nameLocals(info);
    method = writeMethod();
  }

  /** The method implementing the kernel. */
  MethodSpec method() {
    return method;
  }

  /**
   * Where this method's statements landed in {@code fileLines}, the rendered file: each is the
   * next line of code after the one before, starting below the method's signature.
   *
   * @throws IllegalStateException if a statement is not where it was written, which means the
   *     rendering wrapped or reordered code
   */
  SourceLines.KernelLines lines(List<String> fileLines) {
    int at = signatureLine(fileLines);
    List<Integer> found = new ArrayList<>();
    for (String anchor : anchors) {
      at = nextCodeLine(fileLines, at + 1);
      if (!fileLines.get(at).strip().startsWith(anchor)) {
        throw new IllegalStateException("expected '" + anchor + "…' at line " + (at + 1)
            + " of the generated source, found '" + fileLines.get(at).strip() + "'");
      }
      found.add(at + 1);
    }
    // Slice in the order writeMethod() recorded them.
    int next = 0;
    int rowsLine = found.get(next++);
    Map<Integer, Integer> columnLines = new HashMap<>();
    for (int column : columns.keySet()) {
      columnLines.put(column, found.get(next++));
    }
    List<Integer> prologue = found.subList(next, next += kernel.prologue().size());
    List<Integer> sumLines = found.subList(next, next += kernel.sums().size());
    int loop = found.get(next++);
    List<Integer> body = found.subList(next, next += kernel.body().size());
    List<Integer> epilogue = found.subList(next, next += kernel.epilogue().size());
    return new SourceLines.KernelLines(rowsLine, columnLines, prologue, sumLines, loop, body,
        epilogue);
  }

  // Every IR number first, labelled or not, so that a local called tN is always IR temporary
  // N; then the arrays and sums; the model's names last, so it is they that give way (a
  // parameter called t3 becomes t3_).
  private void nameLocals(ModelInfo info) {
    List<Value.Temp> defined = Stream.of(kernel.prologue(), kernel.body(), kernel.epilogue())
        .flatMap(List::stream)
        .map(KernelSource::definedTemp)
        .filter(Objects::nonNull)
        .toList();
    for (int index = 0; index < kernel.temps(); index++) {
      names.fixed("t" + index);
    }
    defined.stream().filter(t -> t.label() == null)
        .forEach(t -> temps.put(t.index(), "t" + t.index()));
    kernel.body().stream()
        .filter(Instr.LoadColumn.class::isInstance)
        .map(i -> ((Instr.LoadColumn) i).column())
        .distinct()
        .sorted()
        .forEach(c -> columns.put(c, names.allocate(columnName(info, c) + "Column")));
    kernel.sums().forEach(sum -> sums.put(sum, names.allocate(sumName(sum))));
    defined.stream().filter(t -> t.label() != null)
        .forEach(t -> temps.put(t.index(), names.allocate(t.label())));
  }

  private static String columnName(ModelInfo info, int column) {
    List<String> inputs = info.inputColumns();
    return column < inputs.size() ? inputs.get(column) : info.target();
  }

  // Lowering numbers the loss sum 0 and the gradient sums from 1.
  private static String sumName(Accumulator sum) {
    return sum.index() == 0 ? sum.label() + "Sum" : "dLoss_d" + sum.label() + "Sum";
  }

  private static Value.Temp definedTemp(Instr instr) {
    if (instr instanceof Instr.LoadParam i) {
      return i.to();
    } else if (instr instanceof Instr.LoadColumn i) {
      return i.to();
    } else if (instr instanceof Instr.LoadRowCount i) {
      return i.to();
    } else if (instr instanceof Instr.LoadSum i) {
      return i.to();
    } else if (instr instanceof Instr.Compute i) {
      return i.to();
    }
    return null;
  }

  private MethodSpec writeMethod() {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(kernel.kind().methodName())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(kernel.kind() == Kernel.Kind.PREDICT ? void.class : double.class)
        .addParameter(double[].class, params)
        .addParameter(Batch.class, batch);
    if (array != null) {
      builder.addParameter(double[].class, array);
    }
    CodeBlock.Builder code = CodeBlock.builder();
    statement(code, "int " + rows + " = ", "$L.size()", batch);
    columns.forEach((column, name) ->
        statement(code, "double[] " + name + " = ", "$L.column($L)", batch, column));
    kernel.prologue().forEach(instr -> instruction(code, instr));
    for (Accumulator sum : kernel.sums()) {
      String prefix = sum.index() == 0 ? sum.label() : "dLoss/d" + sum.label();
      code.add("// $L = $L\n", prefix, oneLine(sum.derivative()));
      statement(code, "double " + sums.get(sum) + " = ", "0.0");
    }
    anchors.add("for (int " + row + " = 0;");
    code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", row, row, rows, row);
    kernel.body().forEach(instr -> instruction(code, instr));
    code.endControlFlow();
    kernel.epilogue().forEach(instr -> instruction(code, instr));
    return builder.addCode(code.build()).build();
  }

  // One statement, `prefix` + `format`: the prefix (`double t3 = `, `lossSum += `) is how
  // lines() recognises it in the rendered file.
  private void statement(CodeBlock.Builder code, String prefix, String format, Object... args) {
    anchors.add(prefix);
    code.addStatement(CodeBlock.builder().add("$L", prefix).add(format, args).build());
  }

  private void instruction(CodeBlock.Builder code, Instr instr) {
    if (instr instanceof Instr.LoadParam load) {
      define(code, load.to(), CodeBlock.of("$L[$L]", params, load.index()));
    } else if (instr instanceof Instr.LoadColumn load) {
      define(code, load.to(), CodeBlock.of("$L[$L]", columns.get(load.column()), row));
    } else if (instr instanceof Instr.LoadRowCount load) {
      define(code, load.to(), CodeBlock.of("(double) $L", rows));
    } else if (instr instanceof Instr.LoadSum load) {
      define(code, load.to(), CodeBlock.of("$L", sums.get(load.sum())));
    } else if (instr instanceof Instr.Compute compute) {
      define(code, compute.to(), expression(compute.operation(), compute.args()));
    } else if (instr instanceof Instr.Accumulate accumulate) {
      // sum += v is sum = sum + v: the same dadd, in the same operand order.
      statement(code, sums.get(accumulate.sum()) + " += ", "$L", operand(accumulate.value()));
    } else if (instr instanceof Instr.StoreGradient store) {
      statement(code, array + "[" + store.index() + "] = ", "$L", operand(store.value()));
    } else if (instr instanceof Instr.StoreOutput store) {
      String index = store.outputs() == 1 ? row : row + " * " + store.outputs()
          + (store.output() == 0 ? "" : " + " + store.output());
      statement(code, array + "[" + index + "] = ", "$L", operand(store.value()));
    } else if (instr instanceof Instr.Return ret) {
      statement(code, "return ", "$L", operand(ret.value()));
    } else {
      throw new IllegalStateException("no source for " + instr);
    }
  }

  private void define(CodeBlock.Builder code, Value.Temp to, CodeBlock value) {
    statement(code, "double " + temps.get(to.index()) + " = ", "$L", value);
  }

  private CodeBlock expression(Operation operation, List<Value> args) {
    if (operation == Operation.NEG) {
      return CodeBlock.of("-$L", guarded(args.get(0)));
    }
    if (!operation.isCall()) {
      return CodeBlock.of("$L $L $L", operand(args.get(0)), operation.symbol(),
          guarded(args.get(1)));
    }
    ClassName owner = "Math".equals(operation.owner()) ? MATH : FUNCTIONS;
    return args.size() == 1
        ? CodeBlock.of("$T.$L($L)", owner, operation.method(), operand(args.get(0)))
        : CodeBlock.of("$T.$L($L, $L)", owner, operation.method(), operand(args.get(0)),
            operand(args.get(1)));
  }

  private String operand(Value value) {
    return value instanceof Value.Temp temp
        ? temps.get(temp.index())
        : JavaLiterals.of(((Value.Literal) value).value());
  }

  // A negative literal after an operator gets parentheses: t3 - (-2.5), and never --2.5.
  private String guarded(Value value) {
    String text = operand(value);
    return value instanceof Value.Literal && text.startsWith("-") ? "(" + text + ")" : text;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\R", " ");
  }

  private int signatureLine(List<String> fileLines) {
    String signature = " " + kernel.kind().methodName() + "(";
    for (int i = 0; i < fileLines.size(); i++) {
      String line = fileLines.get(i).strip();
      if (line.startsWith("public ") && line.contains(signature)) {
        while (!fileLines.get(i).endsWith("{")) {
          i++; // a signature JavaPoet wrapped
        }
        return i;
      }
    }
    throw new IllegalStateException("no method " + kernel.kind().methodName() + " in the source");
  }

  // Lines that are not statements: comments and closing braces.
  private static int nextCodeLine(List<String> fileLines, int from) {
    int at = from;
    while (at < fileLines.size()) {
      String line = fileLines.get(at).strip();
      if (!line.isEmpty() && !line.startsWith("//") && !line.equals("}")) {
        return at;
      }
      at++;
    }
    throw new IllegalStateException("the generated source ends inside a method");
  }
}
