package org.symgrad.compiler.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * The indices bound while one expression is read, and the reading of {@code name[i, j]}.
 *
 * <p>An index is bound by {@code sum(j, …)} for the sum's body, or by the line for all of
 * it ({@code let h[j] = …}, {@code model out[k] = …}). It has no declared range: the first
 * array it indexes gives it one, as in einsum, and every later use must agree. Bindings nest
 * like the sums, so a name is bound at most once at a time.
 */
final class Indices {

  /** One bound index. Its range is found while the expression is read, hence mutable. */
  static final class Binding {
    final Token name;
    private int extent; // 0 until the first use
    private Token firstUse;
    private String firstArray;

    private Binding(Token name) {
      this.name = name;
    }

    boolean isUsed() {
      return extent > 0;
    }

    int extent() {
      return extent;
    }
  }

  /** What {@code name[…]} read: its elements over the indices used, and the token after it. */
  record Indexed(IndexedNodes tensor, int next) {}

  private final SourceText source;
  private final ExpressionParser.Names names;
  private final Deque<Binding> bound = new ArrayDeque<>();

  Indices(SourceText source, ExpressionParser.Names names) {
    this.source = source;
    this.names = names;
  }

  /** Binds the index {@code name} until {@link #unbind}. */
  void bind(Token name) {
    Binding outer = lookup(name.text());
    IndexRules.Refusal refusal =
        IndexRules.refusal(outer != null, names.isDeclared(name.text()));
    if (refusal != null) {
      throw refusal == IndexRules.Refusal.BOUND_ALREADY
          ? source.error(ErrorCode.INDEX_BOUND_TWICE, name,
              "index " + name.quoted() + " is already bound",
              "it is bound at column " + column(outer.name) + "; give this index another name")
          : source.error(ErrorCode.INDEX_BOUND_TWICE, name,
              "index " + name.quoted() + " has the name of " + names.roleOf(name.text()),
              "an index needs a name of its own, such as j or k");
    }
    bound.push(new Binding(name));
  }

  /** Ends the innermost binding, which must have been used, and returns it. */
  Binding unbind() {
    Binding binding = bound.pop();
    requireUsed(binding);
    return binding;
  }

  /** Throws unless {@code binding} has a range. */
  void requireUsed(Binding binding) {
    if (!binding.isUsed()) {
      throw source.error(ErrorCode.UNUSED_INDEX, binding.name,
          "index " + binding.name.quoted() + " is not used, so its range is unknown",
          "an index takes its range from the arrays it indexes, as j in w[j]");
    }
  }

  /**
   * What a name without brackets stands for: a number. An index or a whole array there is an
   * error.
   */
  IndexedNodes plain(Token token, ExpressionParser.Names names) {
    String name = token.text();
    if (isBound(name)) {
      throw source.error(ErrorCode.INDEX_AS_VALUE, token,
          "index " + token.quoted() + " is used as a number",
          "an index can only stand in brackets, as in w[" + name + "]");
    }
    Declared declared = names.resolve(token);
    if (!declared.isScalar()) {
      int rank = declared.shape().size();
      throw source.error(ErrorCode.VECTOR_AS_SCALAR, token,
          token.quoted() + " is " + declared.role() + " of shape "
              + Shapes.text(declared.shape()) + ", where a number is needed",
          "index it, as in " + name + "[" + (rank == 1 ? "j" : "j, k") + "] inside sum(j, …), or "
              + name + "[" + "0, ".repeat(rank - 1) + "0]");
    }
    return IndexedNodes.scalar(declared.node());
  }

  /** An operation over many indices at once can expand to more terms than anyone means. */
  void checkSize(IndexedNodes a, IndexedNodes b, Token at) {
    long size = IndexedNodes.combinedSize(a, b);
    if (size > Shapes.MAX_ELEMENTS) {
      throw source.error(ErrorCode.TOO_LARGE, at, "this operation expands to " + size
              + " terms, more than " + Shapes.MAX_ELEMENTS,
          "symgrad writes index sums out term by term; use fewer indices in one product");
    }
  }

  /** Vector syntax in a free expression, where every name is a scalar variable. */
  static SymgradException noArrays(SourceText source, Token at, String what) {
    return source.error(ErrorCode.NOT_SUPPORTED_YET, at, what + " a model file",
        "a free expression has scalar variables only; declare arrays in a .sg model with "
            + "param w[13] or input x[4]");
  }

  /** Whether {@code name} is a bound index. */
  boolean isBound(String name) {
    return lookup(name) != null;
  }

  /**
   * Reads the brackets after {@code name}: {@code tokens.get(open)} is the '['. Each index is
   * a bound index or a whole number within the array's extent.
   */
  Indexed index(Token name, Declared array, List<Token> tokens, int open) {
    if (array.failed()) {
      throw new AbandonedExpression();
    }
    List<Token> written = new ArrayList<>();
    int at = open + 1;
    while (true) {
      Token token = tokens.get(at++);
      if (token.is(Kind.ERROR)) {
        throw token.error();
      }
      if (!token.is(Kind.NAME) && !token.is(Kind.NUMBER)) {
        throw badIndex(token, tokens.get(open));
      }
      written.add(token);
      Token after = tokens.get(at++);
      if (after.is(Kind.RBRACKET)) {
        break;
      }
      if (!after.is(Kind.COMMA)) {
        throw badIndex(after, tokens.get(open));
      }
    }
    List<Integer> shape = array.shape();
    if (written.size() != shape.size()) {
      Token close = tokens.get(at - 1);
      throw source.error(ErrorCode.INDEX_COUNT, name.start(), close.end() - name.start(),
          shape.isEmpty()
              ? name.quoted() + " is " + array.role() + ", not an array: it takes no index"
              : name.quoted() + " has " + count(shape.size(), "index", "indices") + " (shape "
                  + Shapes.text(shape) + "), but " + written.size() + " " + (written.size() == 1
                  ? "is" : "are") + " given",
          shape.isEmpty() ? "use it as it is: " + name.text()
              : "write " + name.text() + Shapes.indexExample(shape.size()));
    }
    return new Indexed(select(name, array, written), at);
  }

  // The elements of `array` the written indices pick, each checked (a position in range, an
  // index bound and of one range) in the order written.
  private IndexedNodes select(Token name, Declared array, List<Token> written) {
    List<Integer> shape = array.shape();
    List<Object> subscripts = new ArrayList<>();
    for (int d = 0; d < written.size(); d++) {
      Token index = written.get(d);
      if (index.is(Kind.NUMBER)) {
        subscripts.add(wholeNumber(index, name, shape.get(d)));
      } else {
        use(index, name, shape.get(d));
        subscripts.add(index.text());
      }
    }
    return NodeWriter.select(array.elements(), shape, subscripts);
  }

  // Records a use of `index` for an axis of `extent`: the first gives the index its range.
  private void use(Token index, Token array, int extent) {
    Binding binding = lookup(index.text());
    if (binding == null) {
      boolean declared = names.isDeclared(index.text());
      throw source.error(ErrorCode.UNBOUND_INDEX, index,
          declared ? index.quoted() + " is " + names.roleOf(index.text()) + ", not an index"
              : "unknown index " + index.quoted(),
          declared ? "an index is a name bound by sum(j, …) or by the line, or a whole "
              + "number; elements cannot be picked by a data value"
              : "bind it with sum(" + index.text() + ", …), or on the left of the line: let h["
                  + index.text() + "] = …");
    }
    if (!binding.isUsed()) {
      binding.extent = extent;
      binding.firstUse = index;
      binding.firstArray = array.text();
    } else if (binding.extent != extent) {
      throw source.error(ErrorCode.RANGE_MISMATCH, index,
          "index " + index.quoted() + " ranges over " + extent + " in " + array.quoted()
              + " but over " + binding.extent + " in " + Texts.quote(binding.firstArray)
              + " at column " + column(binding.firstUse),
          "an index has one range wherever it is used: the extents of the axes it indexes "
              + "must agree");
    }
  }

  private int wholeNumber(Token index, Token array, int extent) {
    double value = index.number();
    if (value != Math.rint(value) || value < 0) {
      throw source.error(ErrorCode.BAD_INDEX, index, "index " + index.quoted() + " is not a whole "
          + "number", "an index is a bound name, as j in sum(j, …), or a whole number from 0");
    }
    if (value >= extent) {
      throw source.error(ErrorCode.INDEX_OUT_OF_RANGE, index,
          "index " + index.quoted() + " is out of range for " + array.quoted(),
          "that axis has " + extent + " elements, indexed 0 to " + (extent - 1));
    }
    return (int) value;
  }

  private SymgradException badIndex(Token token, Token open) {
    if (token.is(Kind.END)) {
      return source.error(ErrorCode.UNCLOSED_PARENTHESIS, open, "unclosed '[': expected ']'",
          "the expression ends before this '[' is closed");
    }
    if (token.is(Kind.ERROR)) {
      return token.error(); // a character that is no token: its own error says which
    }
    return source.error(ErrorCode.BAD_INDEX, token, "unexpected " + token.quoted() + " in an index",
        "an index is a bound name, as j in sum(j, …), or a whole number; separate them with ','");
  }

  private Binding lookup(String name) {
    for (Binding binding : bound) {
      if (binding.name.text().equals(name)) {
        return binding;
      }
    }
    return null;
  }

  private int column(Token token) {
    return source.column(token.start());
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
