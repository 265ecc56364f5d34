package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;

/** A model file with a byte that is not UTF-8 is refused at that byte, not at 1:1. */
class NotUtf8PlaceTest {
  @TempDir
  Path folder;

  private Diagnostic refused(String before, int badByte, String after) throws Exception {
    Path file = folder.resolve("m.sg");
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) badByte;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(file, bytes);
    return assertThrows(SymgradException.class, () -> ModelParser.parseFile(file)).first();
  }

  @Test
  void theBadByteIsPlacedWithItsLineAboveTheCaret() throws Exception {
    Diagnostic d = refused("input x\r\ntarget y\rparam w\nmodel w * x # 5", 0xB0, "C\n");
    assertThat(d.code()).isEqualTo("SG219");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.column()).isEqualTo(16);
    assertThat(d.sourceLine()).isEqualTo("model w * x # 5");
    assertThat(d.hint()).isEqualTo("byte 0xb0 here is not UTF-8: save the file as UTF-8");
  }

  @Test
  void columnsCountCharactersAndSkipTheByteOrderMark() throws Exception {
    Diagnostic d = refused("\uFEFFinput é", 0xFF, "");
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.column()).isEqualTo(8);
    assertThat(d.sourceLine()).isEqualTo("input é");
  }

  @Test
  void aBadByteAtTheStartOfALineIsInColumnOne() throws Exception {
    Diagnostic d = refused("input x\n", 0xC0, "target y\n");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(1);
  }

  @Test
  void aPathWithALineBreakIsNamedOnTheMessagesLine() throws Exception {
    Path hostile = Files.createDirectory(folder.resolve("a\nb\u202Ec"));
    Path file = Files.write(hostile.resolve("m.sg"), new byte[] {'x', (byte) 0xB0});
    SymgradException e = assertThrows(SymgradException.class, () -> ModelParser.parseFile(file));
    assertThat(e.getMessage().lines().findFirst().orElseThrow()).isEqualTo("m.sg:1:2: error "
        + "[SG219] cannot read " + folder + "/a?b?c/m.sg: it is not valid UTF-8");
  }
}
