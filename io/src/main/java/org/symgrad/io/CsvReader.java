package org.symgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The records of a CSV file, read as a stream, each field with the line and column where it
 * starts, so that any error can name its place. The format is RFC 4180 as Commons CSV's
 * {@code DEFAULT} reads it with empty lines ignored and fields trimmed: a field is quoted only
 * when {@code "} is its first character ({@code ""} inside is a quote), spaces may follow the
 * closing quote, lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, a byte order mark
 * at the start is skipped, and every field is trimmed of characters up to U+0020.
 *
 * <p>Lines (counted from 1) and columns (characters, from 1) are those of the file. A record
 * longer than the limit is refused when the limit is reached, so no line is ever held whole
 * past it.
 */
final class CsvReader {
  private final Utf8Chars in;
  private final String file;
  private final int longestRecord;
  private int next;
  // The decoded block being read: next is block[at - 1], or END / NOT_UTF8.
  private char[] block = new char[0];
  private int at;
  private int blockEnd;
  private long line = 1;
  private long column = 1;

  // The current record: its fields' characters one after another, and where each starts.
  private char[] text;
  private int length;
  private int fields;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private long[] lines = new long[16];
  private long[] columns = new long[16];
  private long recordLine;

  CsvReader(InputStream in, String file, int longestRecord) throws IOException {
    this.in = new Utf8Chars(in);
    this.file = file;
    this.longestRecord = longestRecord;
    this.text = new char[Math.max(1, Math.min(1024, longestRecord))];
    this.next = read();
    if (next == '\uFEFF') {
      next = read(); // the byte order mark is not a character of the first line
    }
  }

  /** Reads the next record; false at the end of the file. */
  boolean next() throws IOException {
    while (next == '\n' || next == '\r') {
      lineEnd(false);
    }
    if (next == Utf8Chars.END) {
      return false;
    }
    checkByte();
    recordLine = line;
    length = 0;
    fields = 0;
    while (true) {
      field();
      if (next == ',') {
        advance();
        continue;
      }
      if (next != Utf8Chars.END) {
        lineEnd(false);
      }
      return true;
    }
  }

  /** The number of fields of the current record. */
  int size() {
    return fields;
  }

  /** The line where the current record starts. */
  long recordLine() {
    return recordLine;
  }

  char[] chars() {
    return text;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  long line(int field) {
    return lines[field];
  }

  long column(int field) {
    return columns[field];
  }

  String field(int field) {
    return new String(text, starts[field], ends[field] - starts[field]);
  }

  /** An error at the start of {@code field} of the current record. */
  BadFileException errorAt(int field, String message) {
    return BadFileException.at(file, lines[field], columns[field], message);
  }

  /** An error about the current record as a whole: at its first character. */
  BadFileException errorAtRecord(String message) {
    return BadFileException.at(file, recordLine, 1, message);
  }

  private void field() throws IOException {
    if (fields == starts.length) {
      int grown = fields * 2;
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      lines = Arrays.copyOf(lines, grown);
      columns = Arrays.copyOf(columns, grown);
    }
    int begin = length;
    lines[fields] = line;
    // A field's place is its first character after any spaces, or its quote.
    while (next == ' ') {
      append(' ');
      advance();
    }
    columns[fields] = column;
    if (next == '"' && length == begin) {
      quoted();
    } else {
      while (next != ',' && next != '\n' && next != '\r' && next != Utf8Chars.END) {
        checkByte();
        append((char) next);
        scanPlain();
        advance();
      }
    }
    int from = begin;
    int to = length;
    while (from < to && text[from] <= ' ') {
      from++;
    }
    while (to > from && text[to - 1] <= ' ') {
      to--;
    }
    starts[fields] = from;
    ends[fields] = to;
    fields++;
  }

  private void quoted() throws IOException {
    long openLine = line;
    long openColumn = column;
    advance();
    while (true) {
      if (next == Utf8Chars.END) {
        throw BadFileException.at(file, openLine, openColumn, "this quoted field is never "
            + "closed: the '\"' here has no closing '\"'");
      }
      checkByte();
      if (next == '"') {
        advance();
        if (next != '"') {
          break;
        }
      }
      if (next == '\n' || next == '\r') {
        lineEnd(true);
      } else {
        append((char) next);
        advance();
      }
    }
    while (next != ',' && next != '\n' && next != '\r' && next >= 0
        && Character.isWhitespace(next)) {
      advance();
    }
    if (next != ',' && next != '\n' && next != '\r' && next != Utf8Chars.END) {
      checkByte();
      throw BadFileException.at(file, line, column, "unexpected "
          + Quote.of(String.valueOf((char) next)) + " after the closing quote of a field; "
          + "write the whole field inside the quotes");
    }
  }

  // Copies the rest of a plain field that lies in the current block in one go, leaving the
  // last character copied as the one advance() moves past.
  private void scanPlain() {
    int from = at;
    int to = from;
    while (to < blockEnd) {
      char c = block[to];
      if (c == ',' || c == '\n' || c == '\r') {
        break;
      }
      to++;
    }
    int count = to - from;
    if (count == 0) {
      return;
    }
    if (length + count > text.length) {
      for (int i = from; i < to; i++) {
        append(block[i]); // grows, or refuses a record past the limit
      }
    } else {
      System.arraycopy(block, from, text, length, count);
      length += count;
    }
    column += count;
    at = to;
  }

  private void checkByte() {
    if (next == Utf8Chars.NOT_UTF8) {
      throw BadFileException.at(file, line, column, "the file is not UTF-8 text (byte 0x"
          + Integer.toHexString(in.badByte()) + ")");
    }
  }

  private void append(char c) {
    if (length == text.length) {
      if (length >= longestRecord) {
        throw errorAtRecord("a line longer than " + longestRecord + " characters, the "
            + "longest symgrad reads (is this a CSV file?)");
      }
      text = Arrays.copyOf(text, (int) Math.min(longestRecord, 2L * length));
    }
    text[length++] = c;
  }

  private void advance() throws IOException {
    next = at < blockEnd ? block[at++] : read();
    column++;
  }

  private int read() throws IOException {
    if (at < blockEnd) {
      return block[at++];
    }
    int length = in.fill();
    if (length < 0) {
      return length;
    }
    block = in.block();
    at = 0;
    blockEnd = length;
    return block[at++];
  }

  // Past \n, \r\n or a lone \r; inside a quoted field the line end is part of the value.
  private void lineEnd(boolean keep) throws IOException {
    if (keep) {
      append((char) next);
    }
    boolean carriageReturn = next == '\r';
    next = read();
    if (carriageReturn && next == '\n') {
      if (keep) {
        append('\n');
      }
      next = read();
    }
    line++;
    column = 1;
  }
}
