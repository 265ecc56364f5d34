package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * The emitters print the package and class names they are given as they are: {@code
 * emitSource(model, "a b;class", "C")} returned a source beginning {@code package a b;class;},
 * and {@code emitClass} a class file named {@code a/b;}, with no word at the call.
 */
class EmitNamesTest {
  private static final ModelDefinition MODEL =
      Symgrad.parse("input x\ntarget y\nparam w = 2\nmodel w * x\n", "line.sg");

  @Test
  void aPackageThatIsNotJavasIsRefused() {
    String message = "packageName 'a b;class' is not a Java package name, such as "
        + "org.example.models, nor \"\" for none";
    assertRefused(() -> Symgrad.emitSource(MODEL, "a b;class", "C"), message);
    assertRefused(() -> Symgrad.emitClass(MODEL, "a b;class", "C"), message);
    assertRefused(() -> Symgrad.generateSource(MODEL, "a b;class", "C"), message);
    assertRefused(() -> Symgrad.emitSource(MODEL, "com.1acme", "C"),
        "packageName 'com.1acme' is not a Java package name, such as org.example.models, "
            + "nor \"\" for none");
  }

  @Test
  void aClassNameThatIsNotJavasIsRefused() {
    for (String name : new String[] {"a/b;", "1 C", "p.C", "class", ""}) {
      assertRefused(() -> Symgrad.emitClass(MODEL, "p", name),
          "className '" + name + "' is not a Java class name, such as ThermometerModel");
    }
    assertRefused(() -> Symgrad.emitSource(MODEL, "p", "record"), "className 'record': Java "
        + "does not allow a class named record (a restricted identifier); choose another name");
  }

  @Test
  void javasNamesAreEmittedAsBefore() {
    assertThat(Symgrad.emitSource(MODEL, "", "Line")).contains("public final class Line ");
    assertThat(Symgrad.emitSource(MODEL, "com.acme", "Symgrad_Line"))
        .contains("package com.acme;");
    assertThat(Symgrad.emitClass(MODEL, "com.acme", "Line")).isNotEmpty();
  }

  private static void assertRefused(Executable call, String message) {
    assertThat(assertThrows(IllegalArgumentException.class, call)).hasMessageThat()
        .isEqualTo(message);
  }
}
