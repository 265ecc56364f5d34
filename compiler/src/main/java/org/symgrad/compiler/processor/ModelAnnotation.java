package org.symgrad.compiler.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @SymbolicModel} as written on a type: its values by element name, and the place
 * of each, so that a message lands on the value at fault rather than on the whole type.
 *
 * <p>Read through the annotation mirror, not the annotation class, because only the mirror
 * knows where each value is written.
 */
final class ModelAnnotation {
  static final String NAME = "org.symgrad.runtime.annotation.SymbolicModel";

  private final TypeElement type;
  private final AnnotationMirror mirror;
  private final Map<String, AnnotationValue> written = new HashMap<>();
  private final Map<String, AnnotationValue> withDefaults = new HashMap<>();

  private ModelAnnotation(TypeElement type, AnnotationMirror mirror, Elements elements) {
    this.type = type;
    this.mirror = mirror;
    mirror.getElementValues().forEach((element, value) ->
        written.put(element.getSimpleName().toString(), value));
    elements.getElementValuesWithDefaults(mirror).forEach((element, value) ->
        withDefaults.put(element.getSimpleName().toString(), value));
  }

  /** The annotation on {@code type}; the processor is only called for types that have it. */
  static ModelAnnotation on(TypeElement type, Elements elements) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(NAME)) {
        return new ModelAnnotation(type, mirror, elements);
      }
    }
    throw new IllegalStateException(type + " has no @SymbolicModel");
  }

  TypeElement type() {
    return type;
  }

  /** Whether {@code element} is written out, rather than left at its default. */
  boolean isWritten(String element) {
    return written.containsKey(element);
  }

  /** The value of a {@code String} element. */
  String string(String element) {
    return (String) value(element).getValue();
  }

  /** The values of a {@code String[]} element, in order. */
  List<String> strings(String element) {
    return items(value(element)).stream().map(item -> (String) item.getValue()).toList();
  }

  /** An error on the annotation as a whole. */
  void error(Messager messager, String message) {
    messager.printMessage(Kind.ERROR, message, type, mirror);
  }

  /**
   * An error on the value of {@code element}, on its {@code index}-th item for an array ({@code
   * -1} for the element as a whole), or on the annotation when the value is not written out.
   */
  void error(Messager messager, String element, int index, String message) {
    @Nullable AnnotationValue value = written.get(element);
    if (value != null && index >= 0) {
      List<? extends AnnotationValue> items = items(value);
      value = index < items.size() ? items.get(index) : value;
    }
    if (value == null) {
      error(messager, message);
    } else {
      messager.printMessage(Kind.ERROR, message, type, mirror, value);
    }
  }

  private AnnotationValue value(String element) {
    AnnotationValue value = withDefaults.get(element);
    if (value == null) {
      throw new IllegalStateException("@SymbolicModel has no element " + element);
    }
    return value;
  }

  @SuppressWarnings("unchecked") // what javac gives for an array element's value
  private static List<? extends AnnotationValue> items(AnnotationValue value) {
    return (List<? extends AnnotationValue>) value.getValue();
  }
}
