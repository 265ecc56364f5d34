package org.symgrad.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.symgrad.runtime.Dataset;

/**
 * Reads a CSV file with a header line into a {@link Dataset}. Every value must be a finite
 * decimal number; anything else is refused with the file, the line (the header is line 1),
 * the character column and the column's name.
 */
final class CsvData {
  // Decimal numbers only: Double.parseDouble would also take "NaN", "0x1p3" and "1.5d".
  // Possessive, so that a field of a million digits and a letter fails in linear time, not
  // in quadratic time by backtracking.
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?+(\\d++\\.?+\\d*+|\\.\\d++)([eE][+-]?+\\d++)?+");
  // How much of a bad field a message quotes.
  private static final int LONGEST_QUOTE = 40;
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .get();

  private CsvData() {}

  /** What a column's values must be beyond finite numbers, such as class labels. */
  @FunctionalInterface
  interface ColumnCheck {
    /**
     * What is wrong with {@code value} ({@code field} as written) in column {@code column},
     * as a message; null when nothing is.
     */
    String problem(String field, double value, String column);
  }

  /** The data in {@code file}; {@code shownName} is how messages name it. */
  static Dataset load(Path file, String shownName) {
    return load(file, shownName, Map.of());
  }

  /**
   * The data in {@code file}, whose columns named in {@code checks} must also pass them;
   * a value that does not is refused with its file, line and column like a non-number.
   */
  static Dataset load(Path file, String shownName, Map<String, ColumnCheck> checks) {
    String text = decode(file, shownName);
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        throw new DataException(shownName + ":1:1: error: the file is empty; "
            + "expected a header line naming the columns");
      }
      CSVRecord header = records.get(0);
      List<String> names = header.toList();
      checkHeader(header, shownName, lines);
      double[][] columns = new double[names.size()][records.size() - 1];
      ColumnCheck[] byColumn = new ColumnCheck[names.size()];
      for (int c = 0; c < names.size(); c++) {
        byColumn[c] = checks.get(names.get(c));
      }
      for (int r = 1; r < records.size(); r++) {
        readRow(records.get(r), names, columns, r - 1, shownName, lines, byColumn);
      }
      return new Dataset(names, columns);
    } catch (IOException | java.io.UncheckedIOException e) {
      DataException quote = badQuote(text, shownName, lines);
      throw quote != null ? quote : new DataException(shownName + ":1:1: error: not a "
          + "readable CSV file: " + (e.getCause() != null ? e.getCause() : e).getMessage());
    }
  }

  // Where a CSV file's quotes go wrong, as the parser reads them: a field that starts with
  // '"' and never ends, or something other than spaces between its closing '"' and the
  // next comma or line end. Null if the quotes are all right.
  private static DataException badQuote(String text, String file, LineIndex lines) {
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (fieldStart && c == '"') {
        int open = i;
        for (i++; i < text.length() && !(text.charAt(i) == '"'
            && (i + 1 == text.length() || text.charAt(i + 1) != '"')); i++) {
          i += text.charAt(i) == '"' ? 1 : 0; // "" is a quote inside the field
        }
        if (i == text.length()) {
          return lines.error(file, open, "this quoted field is never closed: the '\"' here "
              + "has no closing '\"'");
        }
        for (i++; i < text.length() && Character.isWhitespace(text.charAt(i))
            && text.charAt(i) != '\r' && text.charAt(i) != '\n'; i++) {
          // spaces after the closing quote are allowed
        }
        if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
          return lines.error(file, i, "unexpected " + quote(String.valueOf(text.charAt(i)))
              + " after the closing quote of a field; write the whole field inside the quotes");
        }
        i--; // let the loop see the comma or line end
        fieldStart = false;
        continue;
      }
      fieldStart = c == ',' || c == '\n' || c == '\r';
    }
    return null;
  }

  private static void checkHeader(CSVRecord header, String file, LineIndex lines) {
    List<String> names = header.toList();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < names.size(); c++) {
      if (names.get(c).isEmpty()) {
        throw lines.error(file, lines.fieldStart(header, c),
            "column " + (c + 1) + " of the header has no name");
      }
      if (!seen.add(names.get(c))) {
        throw lines.error(file, lines.fieldStart(header, c), "column '" + names.get(c)
            + "' appears twice in the header");
      }
    }
  }

  private static void readRow(CSVRecord record, List<String> names, double[][] columns, int row,
      String file, LineIndex lines, ColumnCheck[] checks) {
    if (record.size() != names.size()) {
      throw lines.error(file, lines.start(record), "this row has " + record.size() + " field"
          + (record.size() == 1 ? "" : "s") + ", the header names " + names.size()
          + " (" + DataException.listed(names) + ")");
    }
    for (int c = 0; c < names.size(); c++) {
      String field = record.get(c);
      if (!NUMBER.matcher(field).matches()) {
        throw lines.error(file, lines.fieldStart(record, c),
            (field.isEmpty() ? "missing value" : "not a number: " + quote(field))
                + " in column '" + names.get(c) + "'");
      }
      double value = Double.parseDouble(field);
      if (Double.isInfinite(value)) {
        throw lines.error(file, lines.fieldStart(record, c),
            quote(field) + " is too large for a double, in column '" + names.get(c) + "'");
      }
      String problem = checks[c] == null ? null : checks[c].problem(field, value, names.get(c));
      if (problem != null) {
        throw lines.error(file, lines.fieldStart(record, c), problem);
      }
      columns[c][row] = value;
    }
  }

  // 'field' for a message: on one line, and cut short if it is long.
  private static String quote(String field) {
    StringBuilder shown = new StringBuilder("'");
    field.codePoints().limit(LONGEST_QUOTE).forEach(c ->
        shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return shown.append(field.codePointCount(0, field.length()) > LONGEST_QUOTE ? "…'" : "'")
        .toString();
  }

  private static String decode(Path file, String shownName) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataException(shownName + ": error: no such file");
    } catch (IOException e) {
      throw new DataException(shownName + ": error: cannot read: " + e.getMessage());
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (endsLine(bytes[i], i + 1 < bytes.length ? bytes[i + 1] : -1)) {
          line++;
          lineStart = i + 1;
        }
      }
      // Columns count characters, as in every other message, and not the byte order mark.
      String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
      boolean mark = lineStart == 0 && before.startsWith("\uFEFF");
      int column = before.length() + (mark ? 0 : 1);
      throw DataException.at(shownName, line, column,
          "the file is not UTF-8 text (byte 0x" + Integer.toHexString(bytes[offset] & 0xff)
              + ")");
    }
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  // Whether c ends a line, next being what follows it: a line ends at \n, \r\n or a lone \r,
  // as the CSV parser has it.
  private static boolean endsLine(int c, int next) {
    return c == '\n' || (c == '\r' && next != '\n');
  }

  /** Line and column numbers from character offsets. */
  private static final class LineIndex {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    LineIndex(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (endsLine(text.charAt(i), i + 1 < text.length() ? text.charAt(i + 1) : -1)) {
          starts.add(i + 1);
        }
      }
    }

    /**
     * Where {@code record} starts. The parser's position is where it began to read it, before
     * the blank lines it skipped on its way.
     */
    int start(CSVRecord record) {
      int position = (int) record.getCharacterPosition();
      while (position < text.length()
          && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
        position++;
      }
      return position;
    }

    /** An error at character {@code offset} of the text. */
    DataException error(String file, int offset, String message) {
      int line = lineOf(offset);
      return DataException.at(file, line, offset - starts.get(line - 1) + 1, message);
    }

    int lineOf(long offset) {
      int index = java.util.Collections.binarySearch(starts, (int) offset);
      return (index >= 0 ? index : -index - 2) + 1;
    }

    // The offset of the first character of field `field` of the record, which is on a later
    // line than the record's start when a quoted field before it holds a line break.
    int fieldStart(CSVRecord record, int field) {
      int position = start(record);
      boolean quoted = false;
      int seen = 0;
      for (int i = position; i < text.length() && seen < field; i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          seen++;
          position = i + 1;
        }
      }
      while (position < text.length() && text.charAt(position) == ' ') {
        position++;
      }
      return position;
    }
  }
}
