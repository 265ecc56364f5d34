package org.symgrad.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.Scratch;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * Translates a {@link Program} into the Java source of a class implementing {@code
 * CompiledModel}: the same kernels as {@link BytecodeEmitter}, statement for instruction, so
 * javac compiles it to the same floating-point operations and both give the same bits.
 *
 * <p>The class needs only symgrad's runtime: it builds its own {@code ModelInfo} as a
 * constant and has a public no-argument constructor.
 *
 * <pre>{@code
 * Program program = Symgrad.lower(model);
 * String source = SourceEmitter.emitText(program, "org.example",
 *     SourceEmitter.className(program.info().name()));
 * }</pre>
 */
public final class SourceEmitter {
  private static final String INDENT = "  ";
  /** The characters of one string literal: at most 3 bytes each in the class file. */
  private static final int TEXT_PART = 16_384;

  /**
   * A generated file: the JavaPoet file, its text, and where each IR instruction's statement
   * stands in that text, as {@link SourceLines#of} decides it and this printer prints it.
   */
  public record Result(JavaFile file, String text, SourceLines lines) {}

  private SourceEmitter() {}

  /** The source of {@code program} as class {@code className} of {@code packageName}. */
  public static JavaFile emit(Program program, String packageName, String className) {
    return emitWithLines(program, packageName, className).file();
  }

  /** The same, as the text of the {@code .java} file. */
  public static String emitText(Program program, String packageName, String className) {
    return emitWithLines(program, packageName, className).text();
  }

  /**
   * The same, with the program first lowered to vector row loops where {@code vector} asks
   * ({@link Vectorisable#apply}).
   */
  public static Result emitWithLines(Program program, String packageName, String className,
      boolean vector) {
    return emitWithLines(Vectorisable.apply(program, vector), packageName, className);
  }

  /**
   * The source of {@code program} as its IR says: every {@linkplain Kernel#vectorised()
   * vectorised} kernel runs its rows on the Vector API ({@link VectorLoopSource}), as {@link
   * BytecodeEmitter}'s class does, and the source then needs {@code --add-modules
   * jdk.incubator.vector} to compile and run. Those kernels' lines are not listed.
   */
  public static Result emitWithLines(Program program, String packageName, String className) {
    ModelInfo info = program.info();
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(CompiledModel.class)
        .addField(FieldSpec.builder(ModelInfo.class, "INFO", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer(modelInfo(info))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("info")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ModelInfo.class)
            .addStatement("return INFO")
            .build());
    if (program.isChunked()) {
      type.addSuperinterface(ChunkedKernels.class)
          .addMethod(MethodSpec.methodBuilder("sumCount")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(int.class)
              .addStatement("return $L", program.sumCount())
              .build());
    }
    int scratch = program.kernels().stream().mapToInt(Kernel::scratchLength).max().orElse(0);
    if (scratch > 0) { // see org.symgrad.runtime.Scratch
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(ThreadLocal.class, double[].class),
              BytecodeEmitter.SCRATCH_FIELD, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.perThread($L)", Scratch.class, scratch)
          .build());
    }
    boolean anyVectorised = false;
    for (Kernel kernel : FileLayout.order(program)) {
      anyVectorised |= kernel.vectorised();
      type.addMethods(new KernelSource(kernel, info).methods());
    }
    JavaFile.Builder builder = JavaFile.builder(packageName, type.build());
    if (anyVectorised) {
      builder.addStaticImport(VectorLoopSource.DOUBLE_VECTOR, VectorLoopSource.SPECIES);
    }
    JavaFile file = builder
        .addFileComment("Generated by symgrad $L from $L — do not edit.\n", GeneratedCode.VERSION,
            commentText(program.source() != null ? program.source() : info.name()))
        .addFileComment("model: $L    loss: $L", commentText(info.modelText()),
            commentText(info.lossText()))
        .skipJavaLangImports(true)
        .indent(INDENT)
        .build();
    return new Result(file, file.toString(), FileLayout.of(program, packageName, className));
  }

  /**
   * The conventional class name for a model: {@code Symgrad_} and the name in upper camel
   * case, {@code thermometer_normalized} giving {@code Symgrad_ThermometerNormalized}.
   */
  public static String className(String modelName) {
    StringBuilder name = new StringBuilder("Symgrad_");
    boolean upper = true;
    for (char c : modelName.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true; // '_', '-', ' ', '.' start a new word and are dropped
      }
    }
    return name.toString();
  }

  // Outside text (a file name, a model's text) as a line comment can hold it. javac reads a
  // carriage return, or a backslash-u escape of a line break, as the end of a line comment,
  // so a file named with one followed by code would put that code into the file: backslashes
  // are doubled, which leaves no escape, and control characters are shown as '?'.
  private static String commentText(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\\') {
        safe.append("\\\\");
      } else {
        safe.append(Character.isISOControl(c) ? '?' : c);
      }
    }
    return safe.toString();
  }

  // new ModelInfo(name, modelText, lossText, List.of(parameters…), List.of(inputs…), target,
  // outputs), one argument a line.
  private static CodeBlock modelInfo(ModelInfo info) {
    CodeBlock parameters = info.parameters().stream()
        .map(SourceEmitter::parameter)
        .collect(CodeBlock.joining(",\n"));
    CodeBlock inputs = info.inputColumns().stream()
        .map(name -> CodeBlock.of("$S", name))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.builder()
        .add("new $T(\n$>$>", ModelInfo.class)
        .add("$L,\n$L,\n$L,\n", text(info.name()), text(info.modelText()),
            text(info.lossText()))
        .add(info.parameters().isEmpty() ? CodeBlock.of("$T.of(),\n", List.class)
            : CodeBlock.of("$T.of(\n$>$>$L),\n$<$<", List.class, parameters))
        .add("$T.of($L),\n", List.class, inputs)
        .add("$S,\n$L)$<$<", info.target(), info.outputs())
        .build();
  }

  // javac refuses a string constant of more than 65 535 bytes, the class file's limit, so a
  // longer text (a model of 100 000 characters) is joined from shorter ones when the class
  // loads; on one line still, where FileLayout counts one.
  private static CodeBlock text(String text) {
    if (text.length() <= TEXT_PART) {
      return CodeBlock.of("$S", text);
    }
    List<CodeBlock> parts = new ArrayList<>();
    for (int start = 0; start < text.length(); ) {
      int end = Math.min(start + TEXT_PART, text.length());
      if (Character.isHighSurrogate(text.charAt(end - 1)) && end < text.length()) {
        end--; // a pair stays in one part
      }
      parts.add(CodeBlock.of("$S", text.substring(start, end)));
      start = end;
    }
    return CodeBlock.of("$T.join(\"\", $L)", String.class, CodeBlock.join(parts, ", "));
  }

  private static CodeBlock parameter(ParameterInfo p) {
    if (p.isScalar()) {
      return CodeBlock.of("$T.scalar($S, $L, $L)", ParameterInfo.class, p.name(), p.offset(),
          initializer(p.initializer()));
    }
    CodeBlock shape = p.shape().stream()
        .map(extent -> CodeBlock.of("$L", extent))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T($S, $T.of($L), $L, $L)", ParameterInfo.class, p.name(),
        List.class, shape, p.offset(), initializer(p.initializer()));
  }

  private static CodeBlock initializer(Initializer initializer) {
    if (initializer instanceof Initializer.Constant c) {
      return CodeBlock.of("new $T($L)", Initializer.Constant.class, JavaLiterals.of(c.value()));
    } else if (initializer instanceof Initializer.Uniform u) {
      return CodeBlock.of("new $T($L, $L)", Initializer.Uniform.class,
          JavaLiterals.of(u.low()), JavaLiterals.of(u.high()));
    } else if (initializer instanceof Initializer.Normal n) {
      return CodeBlock.of("new $T($L, $L)", Initializer.Normal.class,
          JavaLiterals.of(n.mean()), JavaLiterals.of(n.std()));
    }
    throw new IllegalStateException("no source for initializer " + initializer);
  }
}
