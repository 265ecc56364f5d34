package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ElementVariables;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.model.UseRules;
import org.symgrad.compiler.model.UseRules.Place;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.Declared;

/**
 * The names a builder has declared, each with its role, and the rules for using them: a name
 * is declared once, and what an expression may use is decided by {@link UseRules}, as for a
 * file's expressions in the parser's {@code ModelScope}.
 */
final class BuilderScope {
  // How a builder's messages name a role: "parameter 'w'", "'w' is a parameter".
  private static String noun(Role role) {
    return switch (role) {
      case INPUT -> "input";
      case TARGET -> "target";
      case PARAM -> "parameter";
      case LET -> "let";
    };
  }

  static String description(Role role) {
    return switch (role) {
      case INPUT -> "an input";
      case TARGET -> "the target";
      case PARAM -> "a parameter";
      case LET -> "a let";
    };
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
          : description(conflict.first());
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
    Names.check(name, noun(role), role == Role.TARGET);
    Namespace.Conflict<Role> conflict = roles.conflict(name, role);
    if (conflict != null && conflict.clash() == Namespace.Clash.COLUMN) {
      throw new IllegalArgumentException("'" + name + "' is already a column of input '"
          + conflict.owner() + "' of model '" + this.name + "'; a column has one role");
    }
    if (conflict != null) {
      throw new IllegalArgumentException("'" + name + "' is declared twice: it is already "
          + description(conflict.first()) + " of model '" + this.name + "'");
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
    // A large param's elements are made as they are read, as a model file's are.
    return ElementVariables.of(graph, declared, tensor.shape());
  }

  /**
   * The node of a variable where {@code statement} uses it: a param's, an input's, or a
   * scalar let's by its name, as a file may write it.
   *
   * @param lets the lets read so far, by name
   * @param inputLets the lets read so far that depend on an input
   */
  Node resolve(Graph graph, Expr leaf, Statement statement, Map<String, Declared> lets,
      Set<String> inputLets) {
    String where = statement.where();
    if (leaf.kind() != Expr.Kind.VARIABLE) {
      throw new IllegalStateException("'" + leaf.name() + "' is only meaningful in a loss,"
          + " but " + where + " of model '" + name + "' uses it");
    }
    String variable = leaf.name();
    Role role = roles.named(variable);
    Tensor array = tensors.get(variable);
    if (array != null) {
      throw new IllegalStateException("'" + variable + "' in " + where + " of model '" + name
          + "' is " + array.description() + ", where a number is needed: index it, as in "
          + variable + Shapes.indexExample(array.shape().size()));
    }
    if (role == null) {
      throw new IllegalStateException("unknown name '" + variable + "' in " + where
          + " of model '" + name + "'; declared "
          + (statement.part() == Place.PENALTY ? "parameters" : "names") + ": "
          + String.join(", ", usable(statement.part(), scalarLets(lets))));
    }
    // An array's name was refused above, so a let read by this name is a scalar.
    Declared let = lets.get(variable);
    check(variable, role, statement, let != null, inputLets);
    return let != null ? let.node() : graph.variable(variable);
  }

  /**
   * Checks that no index {@code statement} binds, on its line or by a sum, has a declared
   * name, as a file's {@code sum(x, …)} may not when {@code x} is an input.
   */
  void checkIndices(Statement statement) {
    List<String> indices = new ArrayList<>(statement.indices().stream().map(Index::name).toList());
    indices.addAll(statement.expr().bound());
    for (String index : indices) {
      Role role = roles.named(index);
      if (IndexRules.refusal(false, role != null) != null) {
        throw new IllegalStateException("index '" + index + "' in " + statement.where()
            + " of model '" + name + "' has the name of " + description(role) + ": an index"
            + " needs a name of its own, such as j or k");
      }
    }
  }

  /** The elements of an element's array, where {@code statement} uses it. */
  List<Node> resolveArray(Graph graph, Expr element, Statement statement,
      Map<String, Declared> lets, Set<String> inputLets) {
    String array = element.name();
    if (tensors.get(array) != element.tensor()) {
      throw new IllegalStateException(statement.where() + " of model '" + name + "' uses "
          + element.tensor().description() + ", which is not an array of this model");
    }
    Role role = roles.named(array);
    Declared let = lets.get(array);
    check(array, role, statement, let != null, inputLets);
    return let != null ? let.elements() : elements(graph, array);
  }

  // The rule a file's expressions obey (UseRules), worded for a builder.
  private void check(String used, Role role, Statement statement, boolean readBefore,
      Set<String> inputLets) {
    UseRules.Refusal refusal = UseRules.refusal(role, statement.part(), readBefore,
        !inputLets.contains(used));
    if (refusal == null) {
      return;
    }
    String where = statement.where();
    throw new IllegalStateException(switch (refusal) {
      case NOT_A_PARAMETER -> "the penalty of model '" + name + "' can use parameters only,"
          + " but '" + used + "' is " + description(role);
      case LET_NOT_OF_PARAMETERS -> "the penalty of model '" + name + "' can use parameters"
          + " only, but '" + used + "' is a let that depends on an input";
      case TARGET -> where + " of model '" + name + "' cannot use '" + used + "', the target:"
          + " the model predicts it from the inputs and params";
      case NOT_YET_DECLARED -> where + " of model '" + name + "' uses let '" + used
          + "' before its declaration: a line can use only the lets declared before it";
    });
  }

  // The scalar lets read so far: those an unknown name's message may offer.
  private static Set<String> scalarLets(Map<String, Declared> lets) {
    Set<String> scalars = new java.util.LinkedHashSet<>();
    lets.forEach((name, let) -> {
      if (let.isScalar()) {
        scalars.add(name);
      }
    });
    return scalars;
  }

  // The names an unknown one could have been, as a file's message lists them.
  private List<String> usable(Place part, Set<String> letsBefore) {
    List<String> names = new ArrayList<>();
    roles.names().forEach((name, role) -> {
      if (UseRules.offered(role, part, letsBefore.contains(name))) {
        names.add(name);
      }
    });
    names.sort(null);
    return names.isEmpty() ? List.of("none") : names;
  }
}
