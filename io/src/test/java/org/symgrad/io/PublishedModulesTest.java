package org.symgrad.io;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a project outside this repository relies on: the BOM names a version for every module
 * it can depend on, and every library jar has a stable name on the module path (a {@code
 * module-info} or an {@code Automatic-Module-Name}). Read from the build's own files, so a new
 * module fails here until it is added.
 */
class PublishedModulesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  // Build-only modules: examples and benchmarks, which no project depends on.
  private static final List<String> NOT_PUBLISHED =
      List.of("bom", "samples/java", "samples/kotlin", "bench");
  private static final List<String> LIBRARIES = List.of("runtime", "compiler", "io", "kotlin");

  @Test
  void theBomManagesEveryPublishedModule() throws Exception {
    List<String> managed = new ArrayList<>();
    NodeList dependencies = pom(ROOT.resolve("bom/pom.xml")).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      managed.add(child((Element) dependencies.item(i), "artifactId"));
    }
    for (String module : modules()) {
      if (!NOT_PUBLISHED.contains(module)) {
        String artifact = artifactId(module);
        assertWithMessage("bom/pom.xml manages %s (module %s)", artifact, module)
            .that(managed).contains(artifact);
      }
    }
  }

  @Test
  void everyLibraryHasAModuleName() throws Exception {
    assertWithMessage("the root pom's modules").that(modules()).containsAtLeastElementsIn(
        LIBRARIES);
    for (String library : LIBRARIES) {
      boolean described = Files.exists(ROOT.resolve(library + "/src/main/java/module-info.java"));
      String pom = Files.readString(ROOT.resolve(library + "/pom.xml"));
      boolean named = pom.contains("<Automatic-Module-Name>org.symgrad." + library
          + "</Automatic-Module-Name>");
      assertWithMessage("%s has a module-info or Automatic-Module-Name org.symgrad.%s",
          library, library).that(described || named).isTrue();
    }
  }

  private static List<String> modules() throws Exception {
    List<String> modules = new ArrayList<>();
    NodeList nodes = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().strip());
    }
    return modules;
  }

  private static String artifactId(String module) throws Exception {
    return child(pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId");
  }

  /** The text of {@code element}'s direct child {@code name}, not a nested one's. */
  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().strip();
      }
    }
    throw new AssertionError(element.getTagName() + " has no " + name);
  }

  private static Document pom(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }
}
