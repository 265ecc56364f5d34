package org.symgrad.compiler.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The names a model declares and the data columns its vector inputs read, with the one rule
 * for both that a model file's declarations and the builder's calls apply: a name is declared
 * once and has one role, and a column is no other name and belongs to one input. Each front
 * end words the {@link Conflict} in its own terms (a file's line and caret, a builder's
 * exception); the rule is decided here.
 *
 * @param <D> what a front end knows of a declaration: a file's line, a builder's role
 */
public final class Namespace<D> {

  /** How a new name or column clashes with what is declared. */
  public enum Clash {
    /** The name is declared already, in the same role: {@code param w} twice. */
    SAME_ROLE,
    /** The name is declared already, in another role: {@code param w} after {@code input w}. */
    OTHER_ROLE,
    /** The name is a column of a vector input. */
    COLUMN
  }

  /**
   * A clash: what {@code name} is already.
   *
   * @param owner the declared name that has it: the name itself, or for {@link Clash#COLUMN}
   *     the input whose column it is
   * @param first the owner's declaration
   */
  public record Conflict<D>(Clash clash, String owner, D first) {}

  private final Function<D, ?> role;
  private final Map<String, D> names = new LinkedHashMap<>();
  private final Map<String, String> columnOwners = new LinkedHashMap<>();

  /** A namespace whose declarations have the role {@code role} gives each. */
  public Namespace(Function<D, ?> role) {
    this.role = role;
  }

  /** Why {@code name} cannot be declared as {@code declaration}, or null when it can. */
  public @Nullable Conflict<D> conflict(String name, D declaration) {
    String input = columnOwners.get(name);
    if (input != null) {
      return new Conflict<>(Clash.COLUMN, input, names.get(input));
    }
    D first = names.get(name);
    if (first == null) {
      return null;
    }
    Clash clash = Objects.equals(role.apply(first), role.apply(declaration))
        ? Clash.SAME_ROLE : Clash.OTHER_ROLE;
    return new Conflict<>(clash, name, first);
  }

  /**
   * Why {@code column} cannot be a column of a vector input: it is a declared name, or another
   * input's column; null when it can be.
   */
  public @Nullable Conflict<D> columnConflict(String column) {
    String input = columnOwners.get(column);
    if (input != null) {
      return new Conflict<>(Clash.COLUMN, input, names.get(input));
    }
    D first = names.get(column);
    return first == null ? null : new Conflict<>(Clash.OTHER_ROLE, column, first);
  }

  /** Declares {@code name}, which {@link #conflict} allowed. */
  public void declare(String name, D declaration) {
    if (names.putIfAbsent(name, declaration) != null || columnOwners.containsKey(name)) {
      throw new IllegalStateException("'" + name + "' is declared already");
    }
  }

  /** Gives {@code columns}, which {@link #columnConflict} allowed, to the declared {@code input}. */
  public void declareColumns(String input, List<String> columns) {
    if (!names.containsKey(input)) {
      throw new IllegalStateException("input '" + input + "' is not declared");
    }
    columns.forEach(column -> columnOwners.put(column, input));
  }

  /** The declaration of {@code name}, or null. */
  public @Nullable D named(String name) {
    return names.get(name);
  }

  /** The input whose column {@code column} is, or null. */
  public @Nullable String columnOwner(String column) {
    return columnOwners.get(column);
  }

  /** The declared names and their declarations, in declaration order; read-only. */
  public Map<String, D> names() {
    return Collections.unmodifiableMap(names);
  }
}
