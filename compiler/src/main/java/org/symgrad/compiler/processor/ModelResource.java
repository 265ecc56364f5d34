package org.symgrad.compiler.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Finds the model file a {@code @SymbolicModel(source = …)} names, through the {@link Filer}
 * only (as Gradle's isolating processors must), and reads it as UTF-8.
 *
 * <p>The name resolves as {@code Class.getResource} resolves it: relative to the annotated
 * type's package, or from a root with a leading {@code '/'}. It is looked for where a build
 * keeps such a file: beside the sources, in the class output (Maven copies {@code
 * src/main/resources} there before compiling), then on the class path.
 */
final class ModelResource {
  private static final List<JavaFileManager.Location> PLACES = List.of(
      StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH);

  /**
   * A model file's text, or why it could not be had.
   *
   * @param fileName the file's name without its folders, which names the model
   * @param text the file's text, or null when it was not found or not readable
   * @param problem why not, when {@code text} is null
   */
  record Found(String fileName, @Nullable String text, @Nullable String problem) {}

  private ModelResource() {}

  /** The file {@code name} names, seen from {@code packageName}. */
  static Found read(Filer filer, String packageName, String name) {
    boolean absolute = name.startsWith("/");
    String relative = absolute ? name.substring(1) : name;
    String pkg = absolute ? "" : packageName;
    int slash = relative.lastIndexOf('/');
    String fileName = relative.substring(slash + 1);
    String path = pkg.isEmpty() ? relative : pkg.replace('.', '/') + "/" + relative;
    for (JavaFileManager.Location place : PLACES) {
      byte[] bytes = bytes(filer, place, pkg, relative);
      if (bytes != null) {
        try {
          return new Found(fileName, decode(bytes), null);
        } catch (CharacterCodingException e) {
          return new Found(fileName, null, path + " is not valid UTF-8");
        }
      }
    }
    return new Found(fileName, null, "no model file " + path + " on the source path, in the "
        + "class output or on the class path; put it beside the annotated type's source, or "
        + "under src/main/resources/" + path);
  }

  // The file's bytes, or null where the place is not set up or has no such file.
  private static byte @Nullable [] bytes(Filer filer, JavaFileManager.Location place, String pkg,
      String relative) {
    try {
      FileObject file = filer.getResource(place, pkg, relative);
      try (InputStream in = file.openInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
