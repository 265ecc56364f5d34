package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.Namespace;

/**
 * The declarations of one model, in the order written: what a file's lines ({@link
 * DeclarationReader}) and a builder's calls ({@link BuiltLines}) record alike, and what the
 * one checker, {@link ModelReader}, reads. Names and columns are declared through {@link
 * Namespace}, the rule both front ends share; each words a clash its own way.
 */
final class Declarations {
  private final List<Declaration> all = new ArrayList<>();
  private final Namespace<Declaration> names = new Namespace<>(Declaration::keyword);
  private final Map<Keyword, Declaration> singles = new EnumMap<>(Keyword.class);
  private final Set<Keyword> written = EnumSet.noneOf(Keyword.class);

  /** Every declaration read, in order. */
  List<Declaration> all() {
    return all;
  }

  /** The declaration of {@code name}: an input, the target, a param or a let; or null. */
  @Nullable Declaration named(String name) {
    return names.named(name);
  }

  /**
   * The declaration a graph variable belongs to: {@code w[3]} to {@code param w[13]}, {@code
   * x2} to {@code input x[4]}, {@code w} to {@code param w}; or null.
   */
  @Nullable Declaration ofVariable(String variable) {
    int bracket = variable.indexOf('[');
    if (bracket > 0) {
      return names.named(variable.substring(0, bracket));
    }
    String input = names.columnOwner(variable);
    return names.named(input != null ? input : variable);
  }

  /** The declared names, in order. */
  Map<String, Declaration> names() {
    return names.names();
  }

  /**
   * Whether some line starts with {@code keyword}, even one with an error: a model line that
   * does not parse is reported for what it is, not as a missing model.
   */
  boolean written(Keyword keyword) {
    return written.contains(keyword);
  }

  void markWritten(Keyword keyword) {
    written.add(keyword);
  }

  /** The one {@code data}, {@code target}, {@code model}, {@code loss} or {@code penalty}. */
  @Nullable Declaration single(Keyword keyword) {
    return singles.get(keyword);
  }

  void putSingle(Declaration declaration) {
    singles.put(declaration.keyword(), declaration);
  }

  /** Adds a declaration whose name, if any, is declared already. */
  void add(Declaration declaration) {
    all.add(declaration);
  }

  /** Why {@code name} cannot be declared by {@code declaration}; null when it can. */
  Namespace.@Nullable Conflict<Declaration> conflict(String name, Declaration declaration) {
    return names.conflict(name, declaration);
  }

  /** Why {@code column} cannot be a vector input's column; null when it can. */
  Namespace.@Nullable Conflict<Declaration> columnConflict(String column) {
    return names.columnConflict(column);
  }

  void declare(Declaration declaration) {
    names.declare(declaration.nameText(), declaration);
  }

  void declareColumns(Declaration input) {
    names.declareColumns(input.nameText(), input.columns());
  }
}
