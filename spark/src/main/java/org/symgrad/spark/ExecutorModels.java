package org.symgrad.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.symgrad.compiler.ModelCache;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;

/**
 * The compiled models of this JVM, by model text: what lets a Spark job ship a model as its
 * text and compile it once per executor JVM, never serialising a generated class (hidden
 * classes cannot be serialised, and a class compiled on the driver means nothing to another
 * JVM anyway).
 *
 * <p>The key is the text and its source name; {@link ModelCache} below keys by the lowered
 * program and the vector mode, so two texts of one model share a class. Tasks of one executor
 * run on several threads at once; both maps are thread-safe, and a compiled model is
 * stateless and thread-safe.
 */
final class ExecutorModels {
  private static final ModelCache CACHE = new ModelCache();
  private static final Map<Source, CompiledModel> BY_TEXT = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /**
   * The model in {@code text}, compiled on the first call in this JVM.
   *
   * @throws org.symgrad.compiler.SymgradException when the text does not parse
   */
  static CompiledModel get(String text, String sourceName) {
    return BY_TEXT.computeIfAbsent(new Source(text, sourceName),
        source -> CACHE.compile(Symgrad.parse(source.text(), source.name())));
  }

  /** How many models this JVM has compiled (for tests of the once-per-JVM rule). */
  static long compilations() {
    return CACHE.misses();
  }

  private record Source(String text, String name) {}
}
