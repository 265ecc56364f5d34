package org.symgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;

/**
 * The model a command names, parsed and compiled on a second thread while the main thread
 * builds the command line from its annotations. Both take tens of milliseconds of a cold JVM,
 * and neither needs the other, so on two cores a fit starts sooner by about the shorter of them.
 *
 * <p>It only ever saves time; it never decides anything. The main thread checks the file and
 * the options as it always does, then takes the early result if it is of the same file, or
 * does the work itself: when nothing was started, when the early parse or compile failed (so
 * that an error is reported exactly as without this class), or when the command parsed another
 * file. Parsing and compiling are functions of the file's text and the JVM's settings, so the
 * early result is the one the main thread would have made.
 */
final class EarlyCompile {
  /**
   * Commands whose first argument, when it names a model file, is compiled as it stands; not
   * bench, which times its own compile.
   */
  private static final List<String> COMPILING = List.of("fit", "check", "predict", "eval");

  private record Early(Path file, CompletableFuture<ModelDefinition> definition,
      CompletableFuture<CompiledModel> model) {}

  // Each is taken once: a command reads one model file, and a JVM that runs several commands
  // (tests, ArchiveTrainingRun) must not hand a later one an earlier one's file.
  private static final AtomicReference<@Nullable Early> started = new AtomicReference<>();
  private static final AtomicReference<@Nullable Early> parsed = new AtomicReference<>();

  private EarlyCompile() {}

  /**
   * Starts parsing and compiling {@code args[1]} when {@code args[0]} is a command that will
   * compile it and it names a regular {@code .sg} file of at most {@link
   * ModelFiles#LARGEST_MODEL} bytes. Never throws.
   */
  static void start(String[] args) {
    if (args.length < 2 || !COMPILING.contains(args[0]) || !args[1].endsWith(".sg")) {
      return;
    }
    Path file;
    try {
      file = Path.of(args[1]);
      if (!Files.isRegularFile(file) || Files.size(file) > ModelFiles.LARGEST_MODEL) {
        return;
      }
    } catch (InvalidPathException | IOException | SecurityException e) {
      return;
    }
    CompletableFuture<ModelDefinition> definition = new CompletableFuture<>();
    CompletableFuture<CompiledModel> model = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        ModelDefinition read = Symgrad.parseFile(file);
        definition.complete(read);
        model.complete(Symgrad.compile(read));
      } catch (Throwable e) { // the main thread does the work again and reports it
        definition.completeExceptionally(e);
        model.completeExceptionally(e);
      }
    }, "symgrad-early-compile");
    thread.setDaemon(true);
    started.set(new Early(file, definition, model));
    parsed.set(null);
    thread.start();
  }

  /** {@link Symgrad#parseFile}{@code (file)}, parsed early if it was. */
  static ModelDefinition parseFile(Path file) {
    Early early = started.getAndSet(null);
    if (early != null && early.file().equals(file)) {
      ModelDefinition definition = result(early.definition());
      if (definition != null) {
        parsed.set(early);
        return definition;
      }
    }
    return Symgrad.parseFile(file);
  }

  /** {@link Symgrad#compile}{@code (definition)}, compiled early if it was. */
  static CompiledModel compile(ModelDefinition definition) {
    Early early = parsed.getAndSet(null);
    if (early != null && early.definition().getNow(null) == definition) {
      CompiledModel model = result(early.model());
      if (model != null) {
        return model;
      }
    }
    return Symgrad.compile(definition);
  }

  /** The file whose early work is waiting to be taken, or null: for tests. */
  static @Nullable Path waiting() {
    Early early = started.get();
    return early == null ? null : early.file();
  }

  /** The early result, or null if the early work failed. */
  private static <T> @Nullable T result(CompletableFuture<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true; // finish waiting: the work is bounded, and the answer is needed
        } catch (ExecutionException e) {
          return null;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
