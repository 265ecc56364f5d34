package org.symgrad.compiler.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.Token.Kind;
import org.symgrad.runtime.Initializer;

/**
 * The lines of a model file, written by a builder's calls ({@code org.symgrad.compiler.api}):
 * each call records the {@link Declarations} entry the parser makes of the same line, in call
 * order, and {@link #check} hands them to the parser's one checker, {@link ModelReader}, which
 * reads them as it reads a file's. What a call gives is already read (an initializer, a loss),
 * or is an expression that writes itself through the one graph writer ({@link
 * BuiltExpression}); how a refusal is worded is the builder's ({@link Wording}).
 *
 * <p>A call records; it checks nothing but what {@link #conflict} and {@link #columnConflict}
 * are asked, which the builder asks first. Not thread-safe.
 */
public final class BuiltLines {

  /** A line every model needs. */
  public enum Missing { PREDICTION, TARGET, PARAMETER }

  /** How a builder words what the checker refuses. */
  public interface Wording {
    /** A model without that line. */
    RuntimeException missing(Missing line);

    /**
     * A loss that does not fit the prediction ({@link LossRules}).
     *
     * @param loss the loss as a file writes it: {@code mse}, {@code huber(1.5)}
     * @param outputs the number of the prediction's outputs
     */
    RuntimeException misfit(LossRules.Misfit misfit, String loss, int outputs);
  }

  private final Declarations declarations = new Declarations();
  private int line;

  /** Why {@code name} cannot be declared in {@code role}: what it is already; or null. */
  public Namespace.@Nullable Conflict<Role> conflict(String name, Role role) {
    return roles(declarations.conflict(name, declaration(keyword(role), name, List.of(),
        List.of(), List.of(), null)));
  }

  /** Why {@code column} cannot be a vector input's column: what it is already; or null. */
  public Namespace.@Nullable Conflict<Role> columnConflict(String column) {
    return roles(declarations.columnConflict(column));
  }

  /** {@code data PATH}. */
  public void data(String path) {
    single(new Declaration(Keyword.DATA, ++line, word(Keyword.DATA), null, null, path));
  }

  /** {@code input NAME}, or with {@code shape}, {@code input NAME[n] = columns}. */
  public void input(String name, List<Integer> shape, List<String> columns) {
    Declaration input = declare(declaration(Keyword.INPUT, name, shape, List.of(), columns,
        null));
    if (!shape.isEmpty()) {
      declarations.declareColumns(input);
    }
  }

  /** {@code target NAME}. */
  public void target(String name) {
    declarations.putSingle(declare(declaration(Keyword.TARGET, name, List.of(), List.of(),
        List.of(), null)));
  }

  /** {@code param NAME[shape] = initializer}. */
  public void param(String name, List<Integer> shape, Initializer initializer) {
    declare(declaration(Keyword.PARAM, name, shape, List.of(), List.of(),
        new Declaration.Built(initializer, null, null, 0)));
  }

  /** {@code let NAME[indices] = expression}. */
  public void let(String name, List<String> indices, BuiltExpression expression) {
    declare(declaration(Keyword.LET, name, List.of(), indices, List.of(),
        new Declaration.Built(null, expression, null, 0)));
  }

  /**
   * {@code model EXPRESSION}, or with {@code output}, {@code model OUTPUT[index] = EXPRESSION}.
   *
   * @param text the line as a file writes it after the keyword, for the definition's text
   */
  public void model(@Nullable String output, List<String> indices, BuiltExpression expression,
      String text) {
    single(new Declaration(Keyword.MODEL, ++line, word(Keyword.MODEL),
        output == null ? null : name(output), null, text, List.of(), names(indices), List.of(),
        new Declaration.Built(null, expression, null, 0)));
  }

  /** {@code penalty EXPRESSION}; {@code text} as a file writes it. */
  public void penalty(BuiltExpression expression, String text) {
    single(new Declaration(Keyword.PENALTY, ++line, word(Keyword.PENALTY), null, null, text,
        List.of(), List.of(), List.of(), new Declaration.Built(null, expression, null, 0)));
  }

  /**
   * {@code loss TEXT}: the named loss {@code named} (its word, {@code "huber"}, with its
   * {@code delta}), or an expression in {@code pred} and {@code target} of one prediction.
   */
  public void loss(String text, @Nullable String named, double delta,
      @Nullable BuiltExpression expression) {
    single(new Declaration(Keyword.LOSS, ++line, word(Keyword.LOSS), null, null, text,
        List.of(), List.of(), List.of(), new Declaration.Built(null, expression, named, delta)));
  }

  /**
   * The model the lines declare, checked by the parser's checker into a new graph.
   *
   * @param name the model's name; {@code source} what its messages call the lines
   * @throws RuntimeException what {@code wording} or an expression throws, at the first error
   */
  public ModelDefinition check(String name, String source, Wording wording) {
    return new BuilderReader(declarations, name, source, wording).read();
  }

  private Declaration declaration(Keyword keyword, String name, List<Integer> shape,
      List<String> indices, List<String> columns, Declaration.@Nullable Built built) {
    return new Declaration(keyword, line + 1, word(keyword), name(name), null, "", shape,
        names(indices), keyword == Keyword.INPUT && shape.isEmpty() ? List.of(name) : columns,
        built);
  }

  private Declaration declare(Declaration declaration) {
    line++;
    declarations.declare(declaration);
    declarations.markWritten(declaration.keyword());
    declarations.add(declaration);
    return declaration;
  }

  private void single(Declaration declaration) {
    declarations.markWritten(declaration.keyword());
    declarations.putSingle(declaration);
    declarations.add(declaration);
  }

  private static Namespace.@Nullable Conflict<Role> roles(
      Namespace.@Nullable Conflict<Declaration> conflict) {
    return conflict == null ? null : new Namespace.Conflict<>(conflict.clash(), conflict.owner(),
        LineScope.role(conflict.first().keyword()));
  }

  private static Keyword keyword(Role role) {
    return switch (role) {
      case INPUT -> Keyword.INPUT;
      case TARGET -> Keyword.TARGET;
      case PARAM -> Keyword.PARAM;
      case LET -> Keyword.LET;
    };
  }

  // A builder's line has no place in a text: its tokens are at 0, for the records' sake.
  private static Token name(String text) {
    return Token.of(Kind.NAME, 0, 0, text);
  }

  private static Token word(Keyword keyword) {
    return name(keyword.spelling());
  }

  private static List<Token> names(List<String> indices) {
    return indices.stream().map(BuiltLines::name).toList();
  }
}
