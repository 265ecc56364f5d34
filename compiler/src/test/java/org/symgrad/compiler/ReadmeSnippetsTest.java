package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code a document shows is code the build compiles and runs. A fenced block right after
 * {@code <!-- snippet: PATH#NAME -->} must equal, line for line, the lines of {@code PATH}
 * between {@code // --- README: NAME ---} and {@code // --- end ---}, indentation removed.
 * The files named are compiled and run by their own module's tests.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SNIPPET = Pattern.compile(
      "<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsTheCodeItNames() throws IOException {
    List<String> wrong = new ArrayList<>();
    int snippets = 0;
    for (Path document : documents()) {
      Matcher matcher = SNIPPET.matcher(Files.readString(document, StandardCharsets.UTF_8));
      while (matcher.find()) {
        snippets++;
        String expected = region(ROOT.resolve(matcher.group(1)), matcher.group(2));
        if (!expected.equals(matcher.group(3))) {
          wrong.add(ROOT.relativize(document) + ": " + matcher.group(1) + "#" + matcher.group(2)
              + " differs; the source has\n" + expected);
        }
      }
    }
    assertWithMessage("snippets found in README.md").that(snippets).isAtLeast(2);
    assertWithMessage("snippets that differ from their source").that(wrong).isEmpty();
  }

  /** The marked lines of {@code file}, with the common indentation removed. */
  static String region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals("// --- README: " + name + " ---")) {
        start = i + 1;
      }
    }
    assertWithMessage("marker '%s' in %s", name, file).that(start).isAtLeast(0);
    int end = start;
    while (!lines.get(end).trim().equals("// --- end ---")) {
      end++;
    }
    List<String> body = lines.subList(start, end);
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : body) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString();
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }
}
