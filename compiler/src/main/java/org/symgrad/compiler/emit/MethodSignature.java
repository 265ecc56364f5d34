package org.symgrad.compiler.emit;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.symgrad.compiler.lower.Argument;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Layout;
import org.symgrad.runtime.Batch;

/**
 * The signature of a kernel's method or of one of its helpers: what {@link KernelSource} gives
 * JavaPoet, and how many lines JavaPoet writes it on, so that {@link FileLayout} knows where
 * the method opens without rendering the file.
 *
 * @param override whether an {@code @Override} line comes first
 * @param modifiers in the order JavaPoet writes them
 * @param parameters each parameter's type and name
 */
record MethodSignature(boolean override, List<Modifier> modifiers, Class<?> returns, String name,
    List<Parameter> parameters) {
  /** JavaPoet wraps a line that would pass this column ({@code LineWrapper}). */
  static final int COLUMN_LIMIT = 100;
  /** A member's indentation, and a wrapped signature's: two levels more. */
  private static final int MEMBER_INDENT = 2;
  private static final int WRAP_INDENT = 6;

  record Parameter(Class<?> type, String name) {}

  MethodSignature {
    modifiers = List.copyOf(modifiers);
    parameters = List.copyOf(parameters);
  }

  /** The method implementing {@code kernel}: {@code public double loss(double[] params, …)}. */
  static MethodSignature of(Kernel kernel) {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(new Parameter(double[].class, kernel.layout().params().name()));
    kernel.kind().arguments().stream().skip(1)
        .forEach(argument -> parameters.add(new Parameter(javaType(argument), argument.name())));
    return new MethodSignature(true, List.of(Modifier.PUBLIC),
        kernel.kind().returnsLoss() ? double.class : void.class, kernel.kind().methodName(),
        parameters);
  }

  /** Helper {@code index} of a split kernel: {@code private static void lossPart0(…)}. */
  static MethodSignature helper(Kernel kernel, int index) {
    Layout layout = kernel.helperLayout();
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(new Parameter(double[].class, layout.params().name()));
    parameters.add(new Parameter(Batch.class, layout.batch().name()));
    if (layout.array().name() != null) {
      parameters.add(new Parameter(double[].class, layout.array().name()));
    }
    parameters.add(new Parameter(int.class, layout.rows().name()));
    parameters.add(new Parameter(int.class, layout.row().name()));
    parameters.add(new Parameter(int.class, layout.lane().name()));
    parameters.add(new Parameter(double[].class, layout.scratch().name()));
    return new MethodSignature(false, List.of(Modifier.PRIVATE, Modifier.STATIC), void.class,
        kernel.helperName(index), parameters);
  }

  /** A JavaPoet method with this signature, for its code to be added. */
  MethodSpec.Builder builder() {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(name)
        .addModifiers(modifiers.toArray(Modifier[]::new))
        .returns(returns);
    if (override) {
      builder.addAnnotation(Override.class);
    }
    parameters.forEach(p -> builder.addParameter(p.type(), p.name()));
    return builder;
  }

  /**
   * The lines from the first of the method (its {@code @Override}) to the one that ends in its
   * opening brace, in class {@code className}. JavaPoet may break the line after the {@code (} and after each parameter's
   * comma: it breaks at the last such place before a piece that would pass {@link
   * #COLUMN_LIMIT}, and goes on {@value #WRAP_INDENT} columns in.
   */
  int lines(String className) {
    StringBuilder head = new StringBuilder(" ".repeat(MEMBER_INDENT));
    modifiers.forEach(modifier -> head.append(modifier).append(' '));
    head.append(returns.getSimpleName()).append(' ').append(name).append('(');
    List<String> pieces = parameters.stream()
        .map(p -> typeName(p.type(), className) + " " + p.name())
        .toList();
    return (override ? 1 : 0) + lines(head.toString(), pieces);
  }

  // A type the class's own name hides is written in full.
  private static String typeName(Class<?> type, String className) {
    return type.getSimpleName().equals(className) ? type.getCanonicalName()
        : type.getSimpleName();
  }

  /** The same for the public no-argument constructor of {@code className}. */
  static int constructorLines(String className) {
    return lines(" ".repeat(MEMBER_INDENT) + "public " + className + "(", List.of());
  }

  // The line may break after the '(' and after each parameter's comma, before a piece that
  // would pass the limit; the last piece ends in ") {".
  private static int lines(String head, List<String> parameters) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      pieces.add(parameters.get(i) + (i < parameters.size() - 1 ? "," : ""));
    }
    if (pieces.isEmpty()) {
      pieces.add("");
    }
    pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + ") {");
    int lines = 1;
    int column = head.length();
    for (int i = 0; i < pieces.size(); i++) {
      int piece = pieces.get(i).length();
      if (column + piece > COLUMN_LIMIT) {
        lines++;
        column = WRAP_INDENT;
      }
      column += piece + 1; // and the space after a comma, which a break drops
    }
    return lines;
  }

  private static Class<?> javaType(Argument argument) {
    return switch (argument.type()) {
      case DOUBLES -> double[].class;
      case BATCH -> Batch.class;
      case INT -> int.class;
    };
  }
}
