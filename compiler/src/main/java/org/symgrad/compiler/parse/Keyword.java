package org.symgrad.compiler.parse;

import java.util.Arrays;
import java.util.List;

/** The word that starts each line of a model file, and the role a declared name has. */
enum Keyword {
  DATA("data", null),
  INPUT("input", "an input"),
  TARGET("target", "the target"),
  PARAM("param", "a param"),
  LET("let", "a let"),
  MODEL("model", null),
  LOSS("loss", null),
  PENALTY("penalty", null);

  /** The keywords as written, in the order a file usually has them, for hints. */
  static final List<String> SPELLINGS = Arrays.stream(values()).map(Keyword::spelling).toList();

  private final String spelling;
  private final String role;

  Keyword(String spelling, String role) {
    this.spelling = spelling;
    this.role = role;
  }

  String spelling() {
    return spelling;
  }

  /** How a message names a declared name's role ({@code "an input"}); null if it names none. */
  String role() {
    return role;
  }

  /** Whether this declares a name. */
  boolean declaresName() {
    return role != null;
  }

  static Keyword of(String word) {
    for (Keyword keyword : values()) {
      if (keyword.spelling.equals(word)) {
        return keyword;
      }
    }
    return null;
  }
}
