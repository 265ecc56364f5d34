package org.symgrad.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build log reads the failure, not a Java class name or a bare path. */
class IoReasonTest {
  @TempDir
  Path folder;

  @Test
  void aFolderUnderAFileSaysWhyWithoutTheExceptionsClass() throws Exception {
    Path file = Files.writeString(folder.resolve("afile"), "x");
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Files.createDirectories(file.resolve("out")));
    String reason = IoReason.of(e);
    assertThat(reason).doesNotContain("Exception");
    assertThat(reason).contains(file.toString());
  }

  @Test
  void theFileSystemsOwnExceptionsAreWords() {
    assertThat(IoReason.of(new AccessDeniedException("/out/a")))
        .isEqualTo("/out/a: permission denied");
    assertThat(IoReason.of(new NoSuchFileException("/out/a")))
        .isEqualTo("/out/a: no such file or folder");
    assertThat(IoReason.of(new FileSystemException("/out/a", null, "Not a directory")))
        .isEqualTo("/out/a: Not a directory");
    assertThat(IoReason.of(new IOException("disk full"))).isEqualTo("disk full");
  }
}
