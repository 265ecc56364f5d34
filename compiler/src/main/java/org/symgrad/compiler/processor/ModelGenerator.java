package org.symgrad.compiler.processor;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * Generates the two classes of one annotated type: {@code Symgrad_Thermometer}, the typed
 * front, and {@code Symgrad_ThermometerModel}, the {@code CompiledModel}, both in the type's
 * package, both with the type as their only originating element (which makes the processor
 * isolating in Gradle's sense). Whatever is wrong with the model is reported on the
 * annotation, on the value at fault where there is one, and nothing is generated.
 */
final class ModelGenerator {
  private final Elements elements;
  private final Filer filer;
  private final Messager messager;
  private final List<java.nio.file.Path> modelDirs;
  private final Map<String, String> claimed;

  /**
   * @param claimed the generated front classes of this compilation so far, each with the type
   *     it came from; this one's is added
   */
  ModelGenerator(ProcessingEnvironment environment, Map<String, String> claimed) {
    this.claimed = claimed;
    this.elements = environment.getElementUtils();
    this.filer = environment.getFiler();
    this.messager = environment.getMessager();
    this.modelDirs = ModelResource.modelDirs(environment.getOptions());
  }

  /**
   * The generated classes' names for a type: {@code Outer.Inner} in {@code org.example} gives
   * {@code org.example.Symgrad_Outer_Inner} and {@code Symgrad_Outer_InnerModel}.
   *
   * @param typeName the type as written in its package, {@code Outer.Inner}
   */
  record Names(String typeName, ClassName facade, ClassName model) {
    static Names of(TypeElement type, Elements elements) {
      Deque<String> nesting = new ArrayDeque<>();
      for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
        nesting.addFirst(e.getSimpleName().toString());
      }
      String pkg = elements.getPackageOf(type).getQualifiedName().toString();
      String facade = "Symgrad_" + String.join("_", nesting);
      return new Names(String.join(".", nesting), ClassName.get(pkg, facade),
          ClassName.get(pkg, facade + "Model"));
    }
  }

  void generate(TypeElement type) {
    ModelAnnotation annotation = ModelAnnotation.on(type, elements);
    Names names = Names.of(type, elements);
    String first = claimed.putIfAbsent(names.facade().canonicalName(),
        type.getQualifiedName().toString());
    if (first != null) {
      // Outer.Inner and Outer_Inner: javac's Filer would refuse the second pair of files
      // ("Attempt to recreate a file"), once for each, without naming the first type.
      annotation.error(messager, "[" + ErrorCode.WRITE_FAILED.id() + "] " + first + " already "
          + "generates " + names.facade().canonicalName() + " and "
          + names.model().simpleName() + "; rename one of the two types");
      return;
    }
    if (!AnnotationChecks.check(annotation, messager)) {
      return;
    }
    ModelDefinition definition = annotation.isWritten("source")
        ? fromFile(annotation, names) : inline(annotation, names);
    if (definition == null) {
      return;
    }
    String modelSource;
    String facadeSource;
    try {
      Symgrad.GeneratedSource generated = Symgrad.generateSource(definition,
          names.model().packageName(), names.model().simpleName());
      modelSource = generated.text();
      facadeSource = FacadeEmitter.emit(generated.info(), names.typeName(), names.facade(),
          names.model()).toString();
    } catch (SymgradException e) {
      e.diagnostics().forEach(d -> annotation.error(messager, message(d, null)));
      return;
    }
    write(names.model(), modelSource, annotation);
    write(names.facade(), facadeSource, annotation);
  }

  private @Nullable ModelDefinition inline(ModelAnnotation annotation, Names names) {
    InlineModel text = InlineModel.of(annotation);
    try {
      return Symgrad.parse(text.text(), names.typeName());
    } catch (SymgradException e) {
      for (Diagnostic d : e.diagnostics()) {
        Diagnostic inValue = text.inValue(d);
        if (inValue == null) {
          annotation.error(messager, message(d, null));
        } else {
          InlineModel.Origin origin = text.origin(d.line());
          annotation.error(messager, origin.element(), origin.index(),
              message(inValue, origin.where() + ", column " + inValue.column()));
        }
      }
      return null;
    }
  }

  private @Nullable ModelDefinition fromFile(ModelAnnotation annotation, Names names) {
    String packageName = names.facade().packageName();
    ModelResource.Found found =
        ModelResource.read(filer, modelDirs, packageName, annotation.string("source"));
    if (found.text() == null) {
      annotation.error(messager, "source", -1,
          "[" + ErrorCode.MODEL_FILE.id() + "] " + found.problem());
      return null;
    }
    try {
      return Symgrad.parse(found.text(), found.fileName());
    } catch (SymgradException e) {
      for (Diagnostic d : e.diagnostics()) {
        annotation.error(messager, "source", -1, message(d, d.source() + ", line " + d.line()
            + ", column " + d.column()));
      }
      return null;
    }
  }

  // [SG103] unknown function 'sinh2' (model, column 1), then the value, caret and hint.
  private static String message(Diagnostic d, @Nullable String where) {
    return "[" + d.code() + "] " + d.message() + (where == null ? "" : " (" + where + ")")
        + d.excerpt();
  }

  private void write(ClassName name, String text, ModelAnnotation annotation) {
    try {
      JavaFileObject file = filer.createSourceFile(name.canonicalName(), annotation.type());
      try (Writer writer = file.openWriter()) {
        writer.write(text);
      }
    } catch (IOException e) {
      annotation.error(messager, "[" + ErrorCode.WRITE_FAILED.id() + "] could not write "
          + name.canonicalName() + ": " + e.getMessage());
    }
  }
}
