package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.BuiltExpression;
import org.symgrad.compiler.parse.Declared;
import org.symgrad.compiler.parse.IndexedNodes;
import org.symgrad.compiler.parse.LineScope;
import org.symgrad.compiler.parse.NodeWriter;

/**
 * A builder's expression as the body of its line: written through the parser's {@link
 * NodeWriter} by {@link TensorWriter}, each name meaning what the parser's {@link LineScope}
 * says it means on that line, each refusal worded by {@link BuilderWording}.
 *
 * @param where how messages name the line: {@code "let 'h'"}, {@code "the prediction"}
 * @param arrays the builder's arrays by name, to refuse another builder's
 */
record BuiltLine(Expr expr, String where, BuilderWording wording, Map<String, Tensor> arrays)
    implements BuiltExpression {

  @Override
  public IndexedNodes write(NodeWriter nodes, LineScope scope, List<String> indices) {
    // An index is a name of its own, as in a file: not a declared name.
    List<String> bound = new ArrayList<>(indices);
    bound.addAll(expr.bound());
    for (String index : bound) {
      Role role = scope.roleOf(index);
      if (IndexRules.refusal(false, role != null) != null) {
        throw wording.indexName(index, where, role);
      }
    }
    return TensorWriter.write(nodes, expr, new TensorWriter.Leaves() {
      @Override
      public Node scalar(Expr leaf) {
        String name = leaf.name();
        Declared value = value(scope, name);
        if (!value.isScalar()) {
          throw wording.notANumber(name, where, scope.roleOf(name), value.shape());
        }
        return value.node();
      }

      @Override
      public List<Node> elements(Expr element) {
        if (arrays.get(element.name()) != element.tensor()) {
          throw wording.foreignArray(element.tensor(), where);
        }
        return value(scope, element.name()).elements();
      }
    }, indices);
  }

  private Declared value(LineScope scope, String name) {
    LineScope.Lookup lookup = scope.lookup(name);
    if (lookup instanceof LineScope.Found found) {
      return found.value();
    }
    throw wording.refused(name, where, lookup);
  }
}
