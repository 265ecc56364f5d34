package org.symgrad.compiler.architecture;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.architecture.SourceImports.Arrow;

/**
 * The compiler's package map, as each {@code package-info.java} states it: the stages follow
 * the pipeline, parse → graph → diff → simplify → lower → emit, and a stage imports only the
 * stages before it; {@code api}, {@code processor} and the front door ({@code Symgrad}) sit on
 * top; {@code diagnostic} is under everything. An arrow against this map fails here, naming
 * the class that draws it.
 */
class PackageMapTest {
  private static final Path COMPILER = Path.of("src", "main", "java");
  private static final Path CLI = Path.of("..", "cli", "src", "main", "java");
  private static final String FRONT_DOOR = "";

  /** What each package may import, besides itself and the runtime. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("diagnostic", Set.of()),
      Map.entry("graph", Set.of("diagnostic")),
      Map.entry("model", Set.of("diagnostic", "graph")),
      Map.entry("parse", Set.of("diagnostic", "graph", "model")),
      Map.entry("diff", Set.of("diagnostic", "graph")),
      // simplify also owns ModelGradient: a model differentiated, then simplified.
      Map.entry("simplify", Set.of("diagnostic", "graph", "model", "diff")),
      Map.entry("lower", Set.of("diagnostic", "graph", "model", "diff", "simplify")),
      Map.entry("emit", Set.of("diagnostic", "graph", "model", "lower")),
      // Second order: the derived Jacobian and Hessian models, built on the graph, and the
      // fused kernels' row sums, which it hands to lower as a RowSums.
      Map.entry("second", Set.of("diagnostic", "graph", "model", "diff", "simplify", "lower")),
      // On top: the builder writes what a model file says, and compiles through the front door.
      Map.entry("api", Set.of("diagnostic", "graph", "model", "parse", FRONT_DOOR)),
      // The processor generates through the front door, as the CLI does.
      Map.entry("processor", Set.of("diagnostic", "model", "api", FRONT_DOOR)),
      Map.entry(FRONT_DOOR, Set.of("diagnostic", "graph", "model", "parse", "diff",
          "simplify", "lower", "emit", "api", "second")));

  /** The packages a user of the compiler (the CLI, Kotlin, samples) may import. */
  static final Set<String> PUBLIC = Set.of(FRONT_DOOR, "api", "model", "diagnostic");

  /**
   * Arrows against the map that the code still draws, each to be removed by the change named;
   * a new one fails {@link #everyStageImportsOnlyTheStagesBeforeIt}.
   */
  static final Set<String> KNOWN_VIOLATIONS = Set.of();

  @Test
  void everyPackageIsOnTheMap() {
    Set<String> packages = new HashSet<>();
    for (Arrow arrow : SourceImports.arrows(COMPILER)) {
      packages.add(arrow.fromPackage());
      packages.add(arrow.toPackage());
    }
    assertThat(ALLOWED.keySet()).containsAtLeastElementsIn(packages);
  }

  @Test
  void everyStageImportsOnlyTheStagesBeforeIt() {
    assertThat(violations()).isEmpty();
  }

  @Test
  void theKnownViolationsAreStillThere() {
    // When one is fixed, take it off the list, so it cannot come back unnoticed.
    List<String> all = againstTheMap().stream().map(Arrow::toString).toList();
    assertThat(all).containsAtLeastElementsIn(KNOWN_VIOLATIONS);
  }

  @Test
  void noArrowGoesAgainstTheMap() {
    assertThat(againstTheMap()).isEmpty();
  }

  /** No cycle, the known violations aside (emit and the front door make one today). */
  @Test
  void thePackagesFormNoCycle() {
    Map<String, Set<String>> graph = new HashMap<>();
    for (Arrow arrow : SourceImports.arrows(COMPILER)) {
      if (!KNOWN_VIOLATIONS.contains(arrow.toString())) {
        graph.computeIfAbsent(Arrow.name(arrow.fromPackage()), k -> new HashSet<>())
            .add(Arrow.name(arrow.toPackage()));
      }
    }
    List<String> cycle = Cycles.find(graph);
    assertWithMessage("a cycle of packages: %s", cycle).that(cycle).isEmpty();
  }

  /**
   * The CLI uses the compiler through the front door, the builder API, the checked model and
   * the diagnostics only: nothing from parse, graph, diff, simplify, lower or emit.
   */
  @Test
  void theCliImportsOnlyThePublicPackages() {
    assumeTrue(Files.isDirectory(CLI), "no cli module beside the compiler");
    assertThat(cliInternals()).isEmpty();
  }

  private static List<String> cliInternals() {
    return SourceImports.arrows(CLI).stream()
        .filter(a -> !PUBLIC.contains(a.toPackage()))
        .map(Arrow::toString).toList();
  }

  private static List<Arrow> againstTheMap() {
    List<Arrow> against = new ArrayList<>();
    for (Arrow arrow : SourceImports.arrows(COMPILER)) {
      Set<String> allowed = ALLOWED.get(arrow.fromPackage());
      if (allowed == null || !allowed.contains(arrow.toPackage())) {
        against.add(arrow);
      }
    }
    return against;
  }

  private static List<String> violations() {
    return againstTheMap().stream().map(Arrow::toString)
        .filter(a -> !KNOWN_VIOLATIONS.contains(a)).toList();
  }
}
