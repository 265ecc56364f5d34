package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.parse.Token.Kind;

/**
 * The stack-free parser accepts exactly what a textbook recursive-descent parser of the
 * grammar accepts, and builds the same node; the textbook one, written below rule by rule,
 * is the grammar's executable definition.
 */
class GrammarConformanceTest {

  /** Rejects, without saying why: only acceptance and the node are compared. */
  private static final class Rejected extends RuntimeException {
    Rejected() {
      super(null, null, false, false);
    }
  }

  /** The grammar of {@code ExpressionParser}'s javadoc, one method a rule. */
  private static final class Reference {
    private final List<Token> tokens;
    private final Graph g;
    private int next;

    Reference(String text, Graph g) {
      this.tokens = Lexer.lex(new SourceText("t", text), 0, text.length());
      this.g = g;
    }

    Node parse() {
      Node e = expr();
      expect(Kind.END);
      return e;
    }

    // expr := term (('+'|'-') term)*
    private Node expr() {
      Node a = term();
      while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
        boolean plus = tokens.get(next++).is(Kind.PLUS);
        Node b = term();
        a = g.add(a, plus ? b : negate(b));
      }
      return a;
    }

    // term := unary (('*'|'/') unary)*
    private Node term() {
      Node a = unary();
      while (peek().is(Kind.STAR) || peek().is(Kind.SLASH)) {
        boolean times = tokens.get(next++).is(Kind.STAR);
        Node b = unary();
        a = times ? g.mul(a, b) : g.div(a, b);
      }
      return a;
    }

    // unary := '-' unary | power
    private Node unary() {
      if (peek().is(Kind.MINUS)) {
        next++;
        return negate(unary());
      }
      return power();
    }

    // power := atom ('^' unary)?
    private Node power() {
      Node a = atom();
      if (peek().is(Kind.CARET)) {
        next++;
        return g.pow(a, unary());
      }
      return a;
    }

    // atom := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
    private Node atom() {
      Token t = tokens.get(next++);
      switch (t.kind()) {
        case NUMBER:
          return g.constant(t.number());
        case LPAREN: {
          Node e = expr();
          expect(Kind.RPAREN);
          return e;
        }
        case NAME: {
          Op op = ExpressionParser.function(t.text());
          if (peek().is(Kind.LPAREN)) {
            next++;
            List<Node> args = new ArrayList<>();
            args.add(expr());
            while (peek().is(Kind.COMMA)) {
              next++;
              args.add(expr());
            }
            expect(Kind.RPAREN);
            if (op == null || op.arity() != args.size()) {
              throw new Rejected();
            }
            return g.apply(op, args);
          }
          if (op != null || peek().is(Kind.LBRACKET)) {
            throw new Rejected();
          }
          return g.variable(t.text());
        }
        default:
          throw new Rejected();
      }
    }

    private Node negate(Node x) {
      return x.isConstant() ? g.constant(-x.value()) : g.neg(x);
    }

    private Token peek() {
      return tokens.get(next);
    }

    private void expect(Kind kind) {
      if (!tokens.get(next++).is(kind)) {
        throw new Rejected();
      }
    }
  }

  private static void assertSameAsReference(String text) {
    Graph g = new Graph();
    Node expected;
    try {
      expected = new Reference(text, g).parse();
    } catch (Rejected e) {
      expected = null;
    }
    Node actual;
    try {
      actual = Expressions.parse(text, g);
    } catch (SymgradException e) {
      actual = null;
    }
    Statistics.collect(expected == null ? "rejected" : "accepted");
    assertThat(actual).isSameInstanceAs(expected);
  }

  @Provide
  Arbitrary<String> soup() {
    return RandomExpressions.tokenSoup();
  }

  @Provide
  Arbitrary<String> nearlyValid() {
    return Arbitraries.oneOf(RandomExpressions.valid(4),
        RandomExpressions.mutated(RandomExpressions.valid(4)));
  }

  @Property(tries = 5000)
  void tokenSoupIsAcceptedAndBuiltAsTheGrammarSays(@ForAll("soup") String text) {
    assertSameAsReference(text);
    // Both outcomes must be common, or the comparison proves little.
    Statistics.coverage(checker -> {
      checker.check("accepted").percentage(p -> p > 5);
      checker.check("rejected").percentage(p -> p > 5);
    });
  }

  @Property(tries = 3000)
  void soAreValidExpressionsAndTheirMutations(@ForAll("nearlyValid") String text) {
    assertSameAsReference(text);
    Statistics.coverage(checker -> {
      checker.check("accepted").percentage(p -> p > 30);
      checker.check("rejected").percentage(p -> p > 5);
    });
  }
}
