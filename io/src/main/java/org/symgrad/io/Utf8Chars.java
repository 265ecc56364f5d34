package org.symgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The characters of a UTF-8 stream, one at a time, decoded in blocks: the stream is never
 * held whole. Bytes that are not UTF-8 end the characters with {@link #NOT_UTF8}, so that the
 * reader can say where they are.
 */
final class Utf8Chars {
  static final int END = -1;
  static final int NOT_UTF8 = -2;
  private static final int BLOCK = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK).flip();
  private final CharBuffer chars = CharBuffer.allocate(BLOCK).flip();
  private boolean endOfStream;
  private int badByte = -1;

  Utf8Chars(InputStream in) {
    this.in = in;
  }

  /** The next character, {@link #END}, or {@link #NOT_UTF8}. */
  int read() throws IOException {
    return chars.hasRemaining() ? chars.get() : refill();
  }

  /**
   * Decodes the next block into {@link #block()}: its length, or {@link #END} or {@link
   * #NOT_UTF8} when there is none. For readers that scan a block themselves, without a call a
   * character.
   */
  int fill() throws IOException {
    int c = refill();
    if (c < 0) {
      return c;
    }
    chars.position(chars.position() - 1);
    return chars.remaining();
  }

  /** The characters of the last {@link #fill}, from index 0; consumed by the reader. */
  char[] block() {
    chars.position(chars.limit());
    return chars.array();
  }

  /** The byte that is not UTF-8, once {@link #read} has returned {@link #NOT_UTF8}. */
  int badByte() {
    return badByte;
  }

  private int refill() throws IOException {
    while (true) {
      if (badByte >= 0) {
        return NOT_UTF8;
      }
      chars.clear();
      CoderResult result = decoder.decode(bytes, chars, endOfStream);
      if (result.isError()) {
        badByte = bytes.get(bytes.position()) & 0xff;
      }
      chars.flip();
      if (chars.hasRemaining()) {
        return chars.get();
      }
      if (badByte >= 0) {
        return NOT_UTF8;
      }
      if (endOfStream) {
        return END;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfStream = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }
}
