package org.symgrad.compiler.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import org.symgrad.compiler.diagnostic.ErrorCode;

/**
 * Generates a model class for every type annotated {@code @SymbolicModel}: for {@code
 * org.example.Thermometer}, {@code org.example.Symgrad_Thermometer} (the typed front) and
 * {@code Symgrad_ThermometerModel} (the {@code CompiledModel}). The generated code needs only
 * symgrad's runtime.
 *
 * <p>Found by javac through {@code META-INF/services}; isolating for Gradle's incremental
 * compilation ({@code META-INF/gradle/incremental.annotation.processors}): each generated
 * file comes from one annotated type and nothing else, except that a {@code source} model
 * file is read through the {@code Filer}, which Gradle does not track.
 *
 * <p>It never crashes the compiler: a model error is reported on the annotation, and any
 * other exception becomes an error tagged {@code [SG699]} on the type, after which the other
 * types are still processed.
 */
public final class SymgradProcessor extends AbstractProcessor {
  private final BiConsumer<ProcessingEnvironment, TypeElement> generator;

  /** The processor javac loads. */
  public SymgradProcessor() {
    this(generatorOnce());
  }

  // One processor, every round: the classes already generated, by the type each came from.
  private static BiConsumer<ProcessingEnvironment, TypeElement> generatorOnce() {
    Map<String, String> claimed = new HashMap<>();
    return (environment, type) -> new ModelGenerator(environment, claimed).generate(type);
  }

  /** A processor that runs {@code generator} for each annotated type: for tests. */
  SymgradProcessor(BiConsumer<ProcessingEnvironment, TypeElement> generator) {
    this.generator = generator;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ModelAnnotation.NAME);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ModelResource.MODEL_DIR_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(ModelAnnotation.NAME);
    if (annotation == null) {
      return false; // symgrad's runtime is not on the class path: nothing can be annotated
    }
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      if (element instanceof TypeElement type) {
        generateSafely(type);
      }
    }
    return true; // the annotation is symgrad's: no other processor has anything to do with it
  }

  // Errors, stack overflows and linkage problems included: a processor that throws takes
  // the whole compilation down with a stack trace instead of a message.
  private void generateSafely(TypeElement type) {
    try {
      generator.accept(processingEnv, type);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      StackTraceElement[] trace = e.getStackTrace();
      processingEnv.getMessager().printMessage(Kind.ERROR, "["
          + ErrorCode.INTERNAL_ERROR.id() + "] symgrad's annotation processor failed on "
          + type.getQualifiedName() + ": " + e
          + (trace.length > 0 ? "\n  at " + trace[0] : "")
          + "\n  this is a bug in symgrad; please report it with the annotation", type);
    }
  }
}
