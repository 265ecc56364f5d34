package org.symgrad.compiler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.symgrad.compiler.emit.EmitOptions;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.emit.VectorMode;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;

/**
 * Compiled models, kept by what they were compiled from, so that a service fitting many models
 * compiles each distinct one once: compiling the same model twice returns the same {@link
 * CompiledModel} (a compiled model is stateless and thread-safe, so sharing it is safe).
 *
 * <pre>{@code
 * ModelCache cache = new ModelCache(256);
 * CompiledModel model = cache.compile(ModelParser.parse(text, "demand.sg")); // once per model
 * }</pre>
 *
 * <p><b>The key</b> is the model's lowered {@link Program}: the simplified graph of the loss
 * and its gradient as the emitters will translate it, with every name and text the class
 * carries (model name, parameters and their initialisers, columns, source name, the
 * derivatives' texts). It is made of records all the way down, so two programs are equal
 * exactly when they would compile to the same class: comments, blank lines and spacing around
 * declarations do not matter; the texts the class reports back ({@code info().modelText()}, the
 * loss as written) do, so {@code w*x + b} and {@code w * x + b} are two entries. The key
 * also holds whether the class runs its row loops on the Vector API ({@link VectorMode}), since
 * that changes the bits it computes.
 * A hit still parses and lowers (tens of microseconds for small models) but skips emitting and
 * defining the class, the expensive part.
 *
 * <p><b>Bounded</b>: at most {@code capacity} models, the least recently used evicted first. An
 * evicted model stays valid for whoever holds it and is unloaded when no one does (emitted
 * classes are hidden classes); compiling it again makes a new instance.
 *
 * <p><b>Thread-safe</b>: lookups take a short lock; compiling a missing model happens outside
 * it, so one slow compile does not hold up other threads' hits. Two threads that miss the same
 * model at once may both compile it, but both get the instance stored first.
 */
public final class ModelCache {
  /** The capacity of {@link #ModelCache()}. */
  public static final int DEFAULT_CAPACITY = 256;

  private final int capacity;
  private final LinkedHashMap<Key, CompiledModel> entries; // guarded by this
  private long hits; // guarded by this
  private long misses; // guarded by this

  /** A cache of {@value #DEFAULT_CAPACITY} models. */
  public ModelCache() {
    this(DEFAULT_CAPACITY);
  }

  /** A cache of at most {@code capacity} models. */
  public ModelCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a model cache holds at least 1 model, got " + capacity);
    }
    this.capacity = capacity;
    // Access order, so that eviction drops the least recently used.
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CompiledModel> eldest) {
        return size() > ModelCache.this.capacity;
      }
    };
  }

  /**
   * {@code model} compiled as {@link Symgrad#compile(ModelDefinition)} compiles it (vector
   * kernels as the system property {@value VectorMode#PROPERTY} says), or the instance
   * compiled before from an equal program with the same kernels.
   */
  public CompiledModel compile(ModelDefinition model) {
    return compile(model, Symgrad.emitOptions());
  }

  /**
   * {@code model} compiled with vector kernels as {@code mode} says, or the instance compiled
   * before from an equal program with the same kernels.
   *
   * @throws IllegalStateException for {@link VectorMode#ON} in a JVM without the Vector API
   */
  public CompiledModel compile(ModelDefinition model, VectorMode mode) {
    return compile(model, Symgrad.emitOptions().withVector(mode));
  }

  // The options are read once, by the caller; the key holds only what changes the class's bits.
  private CompiledModel compile(ModelDefinition model, EmitOptions options) {
    Objects.requireNonNull(model, "model");
    VectorMode mode = options.vector();
    boolean vector = mode.vectorises();
    Program program = Vectorisable.apply(Symgrad.lower(model), vector);
    Key key = new Key(program, vector);
    synchronized (this) {
      CompiledModel cached = entries.get(key);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    CompiledModel compiled = ModelClassDefiner.defineLowered(program, options);
    synchronized (this) {
      CompiledModel first = entries.putIfAbsent(key, compiled);
      return first != null ? first : compiled;
    }
  }

  /** The most models this cache keeps. */
  public int capacity() {
    return capacity;
  }

  /** How many models it holds now. */
  public synchronized int size() {
    return entries.size();
  }

  /** How many {@link #compile} calls found their model. */
  public synchronized long hits() {
    return hits;
  }

  /** How many {@link #compile} calls did not (and compiled it). */
  public synchronized long misses() {
    return misses;
  }

  /** Forgets every model; models already handed out stay valid. */
  public synchronized void clear() {
    entries.clear();
  }

  /** What a class is compiled from: the program, and whether its row loops are vectorised. */
  private record Key(Program program, boolean vector) {}

  @Override
  public synchronized String toString() {
    return "ModelCache[" + entries.size() + "/" + capacity + " models, " + hits + " hits, "
        + misses + " misses]";
  }
}
