package org.symgrad.maven;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * An I/O failure in words for a build log. An IOException's own text starts with its class
 * ({@code java.nio.file.FileSystemException: /out/a: Not a directory}), and the file-system
 * ones without a reason are only a path ({@code NoSuchFileException: /out/a}).
 */
final class IoReason {
  private IoReason() {}

  static String of(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file or folder";
    }
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return (failed.getFile() == null ? "" : failed.getFile() + ": ") + failed.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
