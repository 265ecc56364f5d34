package org.symgrad.compiler.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * Parses the tokens of one expression into a node of a {@link Graph}:
 *
 * <pre>
 * expr  := term (('+'|'-') term)*
 * term  := unary (('*'|'/') unary)*
 * unary := '-' unary | power             -x^2 is -(x^2)
 * power := atom ('^' unary)?             right-associative: 2^3^2 is 2^(3^2); x^-2 is allowed
 * atom  := number | name | name '[' index (',' index)* ']' | name '(' expr (',' expr)* ')'
 *        | 'sum' '(' name ',' expr ')' | '(' expr ')'
 * index := name | whole number           a name bound by an enclosing sum or by the line
 * </pre>
 *
 * <p>Operands are {@link IndexedNodes}: {@code w[j]} stands for all of w's elements along the
 * index {@code j}, operators apply element by element, and {@code sum(j, …)} adds along
 * {@code j}, so an expression over arrays is expanded into scalar nodes as it is read (see
 * {@link Indices} for how an index gets its range).
 *
 * <p>The grammar is climbed with explicit stacks of operands and pending operators instead of
 * recursion, so an expression of any depth, a hundred thousand parentheses or {@code -} signs
 * or {@code ^}s, parses without exhausting the thread's stack. Pending operators are reduced
 * by binding strength: {@code + -} 1, {@code * /} 2, prefix {@code -} 3, {@code ^} 4 (which
 * is right-associative, so it never reduces another {@code ^}, nor the prefix {@code -} of
 * its exponent).
 *
 * <p>Negation folds into constants, and only there: {@code -2} is the constant -2, {@code
 * a - 2} is {@code a + (-2)}, but {@code -2^2} is {@code -(2^2)} and {@code a - b} is {@code a
 * + (-b)}. With this rule {@code parse(ExpressionPrinter.print(e))} is {@code e} itself for
 * every node this parser makes.
 *
 * <p>Names are resolved by the caller's {@link Names}, which decides what a name means in its
 * context (a free variable of {@code grad}, a parameter, a let, {@code pred}) and reports the
 * names it refuses.
 */
final class ExpressionParser {

  /** What the names of an expression mean where it is written. */
  interface Names {
    /** What {@code token} names; throws a {@link SymgradException} if it names nothing here. */
    Declared resolve(Token token);

    /** Whether {@code name} is declared, to explain {@code w(x)}: a name, not a function. */
    default boolean isDeclared(String name) {
      return false;
    }

    /** How messages name the role of the declared {@code name}: {@code "a param"}. */
    default String roleOf(String name) {
      return "a declared name";
    }

    /** Whether arrays, indexing and sums exist here: in model files, not in free expressions. */
    default boolean hasArrays() {
      return false;
    }
  }

  /** The functions of the grammar, by name: every named op except the internal ones. */
  static final List<String> FUNCTIONS = Arrays.stream(Op.values())
      .filter(Op::isGrammarFunction)
      .map(Op::functionName)
      .sorted()
      .toList();

  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int PREFIX = 3;
  private static final int POWER = 4;

  /** An operator or bracket waiting for its operands. */
  private sealed interface Pending permits Binary, Negation, Group, Call, Sum {}

  private record Binary(Token token, int strength) implements Pending {}

  private record Negation(Token token) implements Pending {}

  private record Group(Token open) implements Pending {}

  /** A call whose arguments are the operands above {@code base}. */
  private record Call(Op op, Token name, Token open, int base) implements Pending {}

  /** {@code sum(j, …)}: the sum of its one operand along {@code index}. */
  private record Sum(Token name, Token open, Token index) implements Pending {}

  private final SourceText source;
  private final List<Token> tokens;
  private final NodeWriter nodes;
  private final Names names;
  private final List<Token> lineIndices;
  private final Indices indices;
  private final Deque<IndexedNodes> operands = new ArrayDeque<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private int next;

  /**
   * @param tokens the expression's tokens, the last of which, and only it, is {@link Kind#END}
   */
  ExpressionParser(SourceText source, List<Token> tokens, Graph graph, Names names) {
    this(source, tokens, graph, names, List.of());
  }

  /**
   * A parser for an expression whose line binds {@code lineIndices}, as {@code let h[j, k]}:
   * its result is over exactly those indices, in that order.
   */
  ExpressionParser(SourceText source, List<Token> tokens, Graph graph, Names names,
      List<Token> lineIndices) {
    this.source = source;
    this.tokens = tokens;
    this.nodes = new NodeWriter(graph);
    this.names = names;
    this.lineIndices = List.copyOf(lineIndices);
    this.indices = new Indices(source, names);
  }

  /** The op a function name calls, or null: {@code sign} and {@code eq} are internal. */
  static Op function(String name) {
    return Op.forFunction(name);
  }

  /** The scalar the tokens denote, or a {@link SymgradException} at the first error. */
  Node parse() {
    if (!lineIndices.isEmpty()) {
      throw new IllegalStateException("an expression over indices is not a scalar");
    }
    return parseIndexed().node();
  }

  /**
   * The elements the tokens denote, over the line's indices in their order (a scalar when it
   * binds none), or a {@link SymgradException} at the first error.
   */
  IndexedNodes parseIndexed() {
    for (Token index : lineIndices) {
      indices.bind(index);
    }
    IndexedNodes result = parseTokens();
    List<String> order = new ArrayList<>();
    for (int i = lineIndices.size() - 1; i >= 0; i--) {
      indices.unbind(); // checks that each was used
    }
    lineIndices.forEach(index -> order.add(index.text()));
    return result.arrange(order);
  }

  private IndexedNodes parseTokens() {
    if (tokens.get(0).is(Kind.END)) {
      throw source.error(ErrorCode.EMPTY_EXPRESSION, tokens.get(0), "empty expression",
          "write a number, a name, a call or a parenthesized expression");
    }
    boolean expectOperand = true;
    while (true) {
      Token token = tokens.get(next++);
      if (token.is(Kind.ERROR)) {
        throw token.error();
      }
      if (expectOperand) {
        expectOperand = operand(token);
      } else {
        IndexedNodes result = operator(token);
        if (result != null) {
          return result;
        }
        expectOperand = !token.is(Kind.RPAREN);
      }
    }
  }

  /** Handles a token where an operand must start; returns whether one is still expected. */
  private boolean operand(Token token) {
    switch (token.kind()) {
      case NUMBER -> operands.push(nodes.constant(token.number()));
      case NAME -> {
        return name(token);
      }
      case MINUS -> {
        pending.push(new Negation(token));
        return true;
      }
      case LPAREN -> {
        pending.push(new Group(token));
        return true;
      }
      case RPAREN -> {
        if (pending.peek() instanceof Call call && previous() == call.open()) {
          close(call, token); // f(): reported as a wrong number of arguments
        } else {
          throw unexpectedOperand(token);
        }
      }
      default -> throw unexpectedOperand(token);
    }
    return false;
  }

  /** A name: a call if '(' follows, an array element if '[' does, else what it names. */
  private boolean name(Token token) {
    Token following = tokens.get(next);
    String name = token.text();
    if (following.is(Kind.LPAREN)) {
      if (name.equals("sum")) {
        sum(token, following);
        return true;
      }
      Op op = function(name);
      if (op == null) {
        String hint = names.isDeclared(name)
            ? Texts.quote(name) + " is not a function; write " + name + " * (…) for a product"
            : Texts.didYouMean(name, FUNCTIONS) + "known functions: " + Texts.join(FUNCTIONS);
        throw source.error(ErrorCode.UNKNOWN_FUNCTION, token,
            "unknown function " + Texts.quote(name), hint);
      }
      next++;
      pending.push(new Call(op, token, following, operands.size()));
      return true;
    }
    if (function(name) != null) {
      throw source.error(ErrorCode.FUNCTION_WITHOUT_CALL, token,
          "function " + Texts.quote(name) + " used without arguments",
          "call it: " + signature(function(name)));
    }
    if (following.is(Kind.LBRACKET)) {
      if (!names.hasArrays()) {
        throw Indices.noArrays(source, following,
            "indexing " + Texts.quote(name + "[…]") + " needs");
      }
      Indices.Indexed indexed = indices.index(token, names.resolve(token), tokens, next);
      operands.push(indexed.tensor());
      next = indexed.next();
      return false;
    }
    operands.push(indices.plain(token, names));
    return false;
  }

  /** {@code sum(j, }: binds the index; the sum closes at its ')'. */
  private void sum(Token name, Token open) {
    if (!names.hasArrays()) {
      throw Indices.noArrays(source, name, "index sums need");
    }
    Token index = tokens.get(next + 1);
    Token comma = tokens.get(next + 2);
    if (!index.is(Kind.NAME) || !comma.is(Kind.COMMA)) {
      Token wrong = index.is(Kind.NAME) ? comma : index;
      if (wrong.is(Kind.ERROR)) {
        throw wrong.error();
      }
      throw source.error(ErrorCode.WRONG_ARITY, wrong, "sum takes an index and an expression",
          "write it as sum(j, w[j] * x[j]): the index, a comma, then what to add up");
    }
    indices.bind(index);
    next += 3;
    pending.push(new Sum(name, open, index));
  }

  /**
   * Handles a token after a complete operand; returns the expression at its end, else null.
   */
  private IndexedNodes operator(Token token) {
    switch (token.kind()) {
      case PLUS, MINUS -> binary(token, SUM);
      case STAR, SLASH -> binary(token, PRODUCT);
      case CARET -> binary(token, POWER);
      case COMMA -> {
        reduceToBracket();
        if (pending.peek() instanceof Sum) {
          throw unexpected(token, "sum takes one expression after its index: sum(j, …)");
        }
        if (!(pending.peek() instanceof Call)) {
          throw unexpected(token, "commas separate the arguments of a call, as in max(a, b)");
        }
      }
      case RPAREN -> {
        reduceToBracket();
        Pending bracket = pending.peek();
        if (bracket == null) {
          throw source.error(ErrorCode.UNMATCHED_PARENTHESIS, token, "unmatched ')'",
              "there is no '(' for it to close");
        }
        if (bracket instanceof Call call) {
          close(call, token);
        } else if (bracket instanceof Sum sum) {
          pending.pop();
          Indices.Binding binding = indices.unbind();
          operands.push(nodes.sum(binding.name.text(), operands.pop()));
        } else {
          pending.pop();
        }
      }
      case END -> {
        reduceToBracket();
        Pending bracket = pending.peek();
        if (bracket != null) {
          Token open = bracket instanceof Call call ? call.open()
              : bracket instanceof Sum sum ? sum.open() : ((Group) bracket).open();
          throw source.error(ErrorCode.UNCLOSED_PARENTHESIS, open, "unclosed '(': expected ')'",
              "the expression ends before this '(' is closed");
        }
        return operands.pop();
      }
      case NUMBER, NAME, LPAREN -> throw source.error(ErrorCode.MISSING_OPERATOR, token,
          "missing operator between " + previous().quoted() + " and " + token.quoted(),
          "insert an operator, such as '*', between them");
      case EQUALS -> throw unexpected(token, "'=' is not an operator; an expression has none");
      default -> throw unexpected(token, "expected an operator or the end of the expression");
    }
    return null;
  }

  private void binary(Token token, int strength) {
    // Reduce what binds at least as tightly; '^' is right-associative, so not another '^'.
    while (pending.peek() instanceof Binary || pending.peek() instanceof Negation) {
      int top = pending.peek() instanceof Binary b ? b.strength() : PREFIX;
      if (top < strength || (top == strength && strength == POWER)) {
        break;
      }
      reduce();
    }
    pending.push(new Binary(token, strength));
  }

  private void reduceToBracket() {
    while (pending.peek() instanceof Binary || pending.peek() instanceof Negation) {
      reduce();
    }
  }

  private void reduce() {
    Pending top = pending.pop();
    if (top instanceof Negation) {
      operands.push(nodes.negate(operands.pop()));
      return;
    }
    IndexedNodes right = operands.pop();
    IndexedNodes left = operands.pop();
    Token operator = ((Binary) top).token();
    indices.checkSize(left, right, operator);
    operands.push(switch (operator.kind()) {
      case PLUS -> nodes.apply(Op.ADD, left, right);
      case MINUS -> nodes.subtract(left, right);
      case STAR -> nodes.apply(Op.MUL, left, right);
      case SLASH -> nodes.apply(Op.DIV, left, right);
      case CARET -> nodes.apply(Op.POW, left, right);
      default -> throw new AssertionError(top);
    });
  }

  private void close(Call call, Token close) {
    int count = operands.size() - call.base();
    Op op = call.op();
    if (count != op.arity()) {
      throw source.error(ErrorCode.WRONG_ARITY, call.name().start(),
          close.end() - call.name().start(),
          arityMessage(op.functionName(), op.arity(), count), "call it as " + signature(op));
    }
    pending.pop();
    if (count == 1) {
      operands.push(nodes.apply(op, operands.pop()));
    } else {
      IndexedNodes second = operands.pop();
      IndexedNodes first = operands.pop();
      indices.checkSize(first, second, call.name());
      operands.push(nodes.apply(op, first, second));
    }
  }

  /** {@code "pow takes 2 arguments, got 1"}. */
  static String arityMessage(String function, int arity, int count) {
    return function + " takes " + arity + (arity == 1 ? " argument" : " arguments")
        + ", got " + count;
  }

  private static String signature(Op op) {
    return op.arity() == 1 ? op.functionName() + "(x)" : op.functionName() + "(a, b)";
  }

  private Token previous() {
    return tokens.get(next - 2);
  }

  /** An error at a token where an operand must start. */
  private SymgradException unexpectedOperand(Token token) {
    Token before = next >= 2 ? previous() : null;
    String hint;
    if (token.is(Kind.STAR) && before != null && before.is(Kind.STAR)
        && before.end() == token.start()) {
      hint = "write powers with '^', as in x^2";
    } else if (token.is(Kind.PLUS)) {
      hint = "there is no unary '+'; leave it out";
    } else if (token.is(Kind.RPAREN) && before != null && before.is(Kind.LPAREN)) {
      hint = "expected an expression between '(' and ')'";
    } else {
      hint = "expected a number, a name, '(' or '-'"
          + (before == null ? "" : " after " + before.quoted());
    }
    return unexpected(token, hint);
  }

  private SymgradException unexpected(Token token, String hint) {
    String message = token.is(Kind.END)
        ? "unexpected end of expression"
        : "unexpected " + token.quoted();
    return source.error(ErrorCode.UNEXPECTED_TOKEN, token, message, hint);
  }

  /** {@code tokens} followed by an {@link Kind#END} at {@code endOffset}: a sub-expression. */
  static List<Token> withEnd(List<Token> tokens, int endOffset) {
    List<Token> copy = new ArrayList<>(tokens);
    copy.add(Token.end(endOffset));
    return copy;
  }
}
