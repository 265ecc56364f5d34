package org.symgrad.bench;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every results file a document names as the record behind a figure is committed: a figure
 * whose record is git-ignored, or was never written, cannot be checked by a reviewer.
 */
class DocumentedRecordsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern RECORD =
      Pattern.compile("((?:[\\w.-]+/)*results/[\\w.-]+\\.(?:json|txt|csv|tsv|jsonl))");

  @Test
  void everyResultsFileNamedInADocumentIsTracked() throws Exception {
    Set<String> tracked = trackedFiles();
    List<String> missing = new ArrayList<>();
    int named = 0;
    for (Path document : documents()) {
      String text = Files.readString(document, StandardCharsets.UTF_8);
      Matcher matcher = RECORD.matcher(text);
      while (matcher.find()) {
        named++;
        String record = resolve(document, matcher.group(1));
        if (!tracked.contains(record)) {
          missing.add(ROOT.relativize(document) + " names " + matcher.group(1));
        }
      }
    }
    assertWithMessage("documents name results files (is the pattern still right?)")
        .that(named).isGreaterThan(0);
    assertWithMessage("results files named in documents but not committed")
        .that(missing).isEmpty();
  }

  /** A path as written in {@code document}: from the root, or from the document's folder. */
  private static String resolve(Path document, String written) {
    for (Path base : List.of(ROOT, document.getParent(), ROOT.resolve("bench"))) {
      Path candidate = base.resolve(written).normalize();
      if (Files.exists(candidate) || base.equals(ROOT.resolve("bench"))) {
        return ROOT.relativize(candidate).toString().replace('\\', '/');
      }
    }
    throw new AssertionError("unreachable");
  }

  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    for (String name : List.of("README.md", "RELIABILITY.md", "bench/README.md",
        "spark/BENCHMARK.md")) {
      Path path = ROOT.resolve(name);
      if (Files.exists(path)) {
        documents.add(path);
      }
    }
    for (Path folder : List.of(ROOT.resolve("docs"), ROOT.resolve("bench/results"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
      }
    }
    return documents;
  }

  private static Set<String> trackedFiles() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("git ls-files in %s", ROOT).that(git.waitFor()).isEqualTo(0);
    return new TreeSet<>(List.of(out.split("\0")));
  }
}
