package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.api.Statement.Part;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.model.Shapes;

/**
 * The names a builder has declared, each with its role, and the rules for using them: a name
 * is declared once, the prediction uses params and inputs, the penalty params only, a let by
 * the expression {@code let()} returned. As the parser's {@code ModelScope} for a file.
 */
final class BuilderScope {
  enum Role {
    INPUT("input", "an input"),
    TARGET("target", "the target"),
    PARAM("parameter", "a parameter"),
    LET("let", "a let");

    final String noun;
    final String description;

    Role(String noun, String description) {
      this.noun = noun;
      this.description = description;
    }
  }

  private final String name;
  private final Namespace<Role> roles = new Namespace<>(role -> role);
  // Arrays by name: vector params and inputs, lets over indices.
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  private final Map<String, List<String>> inputColumns = new LinkedHashMap<>();

  /** The scope of the model called {@code name}. */
  BuilderScope(String name) {
    this.name = name;
  }

  @Nullable Role role(String declared) {
    return roles.named(declared);
  }

  /** The declared names and their roles, in declaration order. */
  Map<String, Role> roles() {
    return roles.names();
  }

  /** The array called {@code declared}, or null. */
  @Nullable Tensor tensor(String declared) {
    return tensors.get(declared);
  }

  void addTensor(Tensor tensor) {
    tensors.put(tensor.name(), tensor);
  }

  /**
   * Checks that {@code columns} may be the columns of input {@code input}, as a file's
   * {@code input x[2] = a, b}: names, used once, no other name's.
   */
  void checkColumns(String input, List<String> columns) {
    Names.check(input, "input", false);
    for (String column : columns) {
      Names.check(column, "column", false);
      Namespace.Conflict<Role> conflict = roles.columnConflict(column);
      String other = conflict == null ? null
          : conflict.clash() == Namespace.Clash.COLUMN
              ? "a column of input '" + conflict.owner() + "'"
          : conflict.first().description;
      if (other == null) {
        other = column.equals(input) ? "the input's own name"
            : columns.indexOf(column) != columns.lastIndexOf(column) ? "another of its columns"
            : null;
      }
      if (other != null) {
        throw new IllegalArgumentException("column '" + column + "' of input '" + input
            + "' is already " + other + " of model '" + name + "': a column has one role");
      }
    }
  }

  /** Declares a vector input over {@code columns}, checked by {@link #checkColumns}. */
  void declareColumns(String input, List<String> columns) {
    declare(input, Role.INPUT);
    roles.declareColumns(input, columns);
    inputColumns.put(input, columns);
  }

  void declare(String name, Role role) {
    Names.check(name, role.noun, role == Role.TARGET);
    Namespace.Conflict<Role> conflict = roles.conflict(name, role);
    if (conflict != null && conflict.clash() == Namespace.Clash.COLUMN) {
      throw new IllegalArgumentException("'" + name + "' is already a column of input '"
          + conflict.owner() + "' of model '" + this.name + "'; a column has one role");
    }
    if (conflict != null) {
      throw new IllegalArgumentException("'" + name + "' is declared twice: it is already "
          + conflict.first().description + " of model '" + this.name + "'");
    }
    roles.declare(name, role);
  }

  /** The variables of a param or an input: one, or its elements' or columns', in order. */
  List<Node> elements(Graph graph, String declared) {
    List<String> columns = inputColumns.get(declared);
    if (columns != null) {
      return columns.stream().map(graph::variable).toList();
    }
    Tensor tensor = tensors.get(declared);
    if (tensor == null) {
      return List.of(graph.variable(declared));
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < Shapes.size(tensor.shape()); i++) {
      nodes.add(graph.variable(Shapes.elementName(declared, tensor.shape(), i)));
    }
    return nodes;
  }

  /** The node of a variable, or {@code pred} or {@code target}, where {@code statement} uses it. */
  Node resolve(Graph graph, Expr leaf, Statement statement) {
    String where = statement.where();
    if (leaf.kind() != Expr.Kind.VARIABLE) {
      throw new IllegalStateException("'" + leaf.name() + "' is only meaningful in a loss,"
          + " but " + where + " of model '" + name + "' uses it");
    }
    String variable = leaf.name();
    Role role = roles.named(variable);
    boolean isPenalty = statement.part() == Part.PENALTY;
    Tensor array = tensors.get(variable);
    if (array != null) {
      throw new IllegalStateException("'" + variable + "' in " + where + " of model '" + name
          + "' is " + array.description() + ", where a number is needed: index it, as in "
          + variable + BuilderChecks.example(array.shape().size()));
    }
    if (role == Role.PARAM || (role == Role.INPUT && !isPenalty)) {
      return graph.variable(variable);
    }
    if (role == null) {
      throw new IllegalStateException("unknown name '" + variable + "' in " + where
          + " of model '" + name + "'; declared " + (isPenalty ? "parameters" : "names") + ": "
          + String.join(", ", usable(isPenalty)));
    }
    if (isPenalty) {
      throw new IllegalStateException("the penalty of model '" + name + "' can use parameters"
          + " only, but '" + variable + "' is " + role.description);
    }
    throw new IllegalStateException(where + " of model '" + name + "' cannot use '" + variable
        + "', " + role.description + (role == Role.TARGET
            ? ": the model predicts it from the inputs and params"
            : ": use the expression that let() returned"));
  }

  /** The elements of an element's array, where {@code statement} uses it. */
  List<Node> resolveArray(Graph graph, Expr element, Statement statement,
      Map<String, List<Node>> arrayLets, Set<String> inputLets) {
    String array = element.name();
    String where = statement.where();
    if (tensors.get(array) != element.tensor()) {
      throw new IllegalStateException(where + " of model '" + name + "' uses "
          + element.tensor().description() + ", which is not an array of this model");
    }
    Role role = roles.named(array);
    if (statement.part() == Part.PENALTY && (role == Role.INPUT || inputLets.contains(array))) {
      throw new IllegalStateException("the penalty of model '" + name + "' can use parameters"
          + " only, but '" + array + "' is " + (role == Role.INPUT ? "an input"
              : "a let that depends on an input"));
    }
    List<Node> lets = arrayLets.get(array);
    return lets != null ? lets : elements(graph, array);
  }

  List<String> usable(boolean penaltyOnly) {
    List<String> names = new ArrayList<>();
    roles.names().forEach((name, role) -> {
      if (role == Role.PARAM || (role == Role.INPUT && !penaltyOnly)) {
        names.add(name);
      }
    });
    names.sort(null);
    return names.isEmpty() ? List.of("none") : names;
  }
}
