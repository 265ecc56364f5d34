package org.symgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing an output file without destroying what its path names. An output goes only to an
 * absent path or over a regular file; a symbolic link is followed and its target replaced
 * (the link stays); a directory, a device, a FIFO, a socket or a dangling link is refused.
 * The bytes go to a temporary file beside the target, reach the disk, and are renamed over
 * it, so a crash leaves the old file or the new one, whole. A new file gets the mode the
 * umask gives (as {@code touch} would); a replaced one keeps its mode.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * The file that writing {@code path} will replace or create (a link's target), after
   * checking that it may be written; {@code option} names it in messages ({@code --save}), or
   * is "" for a library's caller, whose messages start with the path.
   */
  public static Path check(Path path, String option) {
    String shown = shown(option, path);
    if (path.toString().isEmpty()) {
      throw new BadFileException((option.isEmpty() ? "" : option + ": ")
          + "error: an empty path");
    }
    Path target;
    try {
      if (Files.isSymbolicLink(path) && !Files.exists(path)) {
        throw new BadFileException(shown + ": error: a symbolic link to a missing file; "
            + "give the target's path");
      }
      target = Files.exists(path) ? path.toRealPath() : path.toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new BadFileException(shown + ": error: cannot resolve: " + e.getMessage());
    }
    if (Files.isDirectory(target)) {
      throw new BadFileException(shown + ": error: is a directory; give a file name");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new BadFileException(shown + ": error: is not a regular file (a device, a FIFO "
          + "or a socket); symgrad writes only to a new file or over a regular one");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new BadFileException(shown + ": error: cannot write: permission denied");
    }
    Path folder = target.getParent();
    while (folder != null && !Files.exists(folder)) {
      folder = folder.getParent();
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new BadFileException(shown + ": error: cannot write: "
          + (folder == null ? "no folder" : folder + " is not a folder"));
    }
    if (!Files.isWritable(folder)) {
      throw new BadFileException(shown + ": error: cannot write in " + folder
          + ": permission denied");
    }
    return target;
  }

  /**
   * Refuses an output that is one file with an input of the run or with another output, but
   * for {@code --save} over {@code --init} (resuming in place). Each entry names its file by
   * its option ({@code --save}, {@code --data}); entries whose path is null are left out.
   */
  public static void checkDistinct(List<java.util.Map.Entry<String, Path>> inputs,
      List<java.util.Map.Entry<String, Path>> outputs) {
    List<java.util.Map.Entry<String, Path>> seen = new java.util.ArrayList<>(inputs);
    for (java.util.Map.Entry<String, Path> output : outputs) {
      Path b = output.getValue();
      for (java.util.Map.Entry<String, Path> earlier : seen) {
        Path a = earlier.getValue();
        if (a != null && b != null && !allowed(earlier.getKey(), output.getKey())
            && sameFile(a, b)) {
          throw new BadFileException(output.getKey() + " " + b + ": error: is the same file as "
              + earlier.getKey() + " " + a + "; give each output a file of its own");
        }
      }
      seen.add(output);
    }
  }

  // Saving over the checkpoint a fit resumed from is how a fit goes on in place: the file is
  // read whole before the fit and replaced atomically after it.
  private static boolean allowed(String input, String output) {
    return input.equals("--init") && output.equals("--save");
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return resolved(a).equals(resolved(b));
    } catch (IOException e) {
      return false;
    }
  }

  private static String shown(String option, Path path) {
    return option.isEmpty() ? path.toString() : option + " " + path;
  }

  private static Path resolved(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return parent != null && Files.isDirectory(parent)
        ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
  }

  /** Writes {@code bytes} to {@code path} as the class comment says. */
  public static void write(Path path, String option, byte[] bytes) {
    try (Pending pending = open(path, option)) {
      pending.stream().write(bytes);
      pending.commit();
    } catch (IOException e) {
      throw new BadFileException(shown(option, path) + ": error: cannot write: "
          + e.getMessage());
    }
  }

  /**
   * A file to write as a stream, which takes {@code path}'s place only at {@link
   * Pending#commit}; closed without it, it leaves nothing behind.
   */
  public static Pending open(Path path, String option) {
    Path target = check(path, option);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = createTemporary(target);
      try {
        copyMode(target, temporary);
        return new Pending(path, option, target, temporary);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
    } catch (IOException e) {
      throw new BadFileException(shown(option, path) + ": error: cannot write: "
          + e.getMessage());
    }
  }

  /** An output being written: {@link #stream()}, then {@link #commit()}. */
  public static final class Pending implements AutoCloseable {
    private final Path path;
    private final String option;
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final java.io.OutputStream stream;
    // Ctrl-C or a SIGTERM ends the JVM without unwinding the writer: this removes the
    // temporary file then, as close would have (only a SIGKILL leaves it).
    private final Thread discardAtExit;
    private boolean done;

    private Pending(Path path, String option, Path target, Path temporary) throws IOException {
      this.path = path;
      this.option = option;
      this.target = target;
      this.temporary = temporary;
      this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
      this.stream = new java.io.BufferedOutputStream(
          java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
      this.discardAtExit = new Thread(this::close, "discard " + temporary.getFileName());
      Runtime.getRuntime().addShutdownHook(discardAtExit);
    }

    /** Where to write the bytes. */
    public java.io.OutputStream stream() {
      return stream;
    }

    /** Puts the bytes written in the file's place, on the disk. */
    public synchronized void commit() {
      if (done) {
        return; // in place already, or discarded as the JVM exits
      }
      try {
        stream.flush();
        channel.force(true); // on the disk before the rename, or a power cut may empty it
        channel.close();
        if (!Files.isRegularFile(target) && Files.exists(target)) {
          throw new BadFileException(shown(option, path) + ": error: is no longer a regular "
              + "file; left as it is");
        }
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        forgetDiscard();
        syncFolder(target.getParent());
      } catch (IOException e) {
        throw new BadFileException(shown(option, path) + ": error: cannot write: "
            + e.getMessage());
      }
    }

    @Override
    public synchronized void close() {
      try {
        channel.close();
        if (!done) {
          done = true;
          Files.deleteIfExists(temporary);
        }
      } catch (IOException ignored) {
        // nothing more to do: the temporary file is left, named .NAME….tmp
      }
      forgetDiscard();
    }

    private void forgetDiscard() {
      if (Thread.currentThread() == discardAtExit) {
        return;
      }
      try {
        Runtime.getRuntime().removeShutdownHook(discardAtExit);
      } catch (IllegalStateException exiting) {
        // the JVM is shutting down; the hook finds this output done
      }
    }
  }

  // CREATE_NEW with no attributes: the mode is 0666 less the umask, unlike createTempFile's
  // fixed 0600.
  private static Path createTemporary(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temporary = target.resolveSibling("." + target.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
      try {
        Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE).close();
        return temporary;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void copyMode(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
      Files.setPosixFilePermissions(to, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the new file has the system's default
    }
  }

  // The rename is durable once the folder is synced; Windows cannot open a folder.
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }
}
