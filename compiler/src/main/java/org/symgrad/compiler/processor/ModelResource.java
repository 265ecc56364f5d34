package org.symgrad.compiler.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * type's package, or from a root with a leading {@code '/'}. It is looked for first in the
 * folders the user named with {@code -Asymgrad.modelDir=DIR} (several joined by the path
 * separator), then where a build keeps such a file: beside the sources, in the class output
 * (Maven copies {@code src/main/resources} there before compiling), then on the class path.
 *
 * <p>The option is for builds that give javac none of those: Gradle calls it with an empty
 * {@code -sourcepath} and keeps resources in {@code build/resources/main}, outside the class
 * output and off the compile class path. Its folders are read directly, not through the Filer.
 */
final class ModelResource {
  /** The processor option that names the model folders. */
  static final String MODEL_DIR_OPTION = "symgrad.modelDir";

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

  /** The folders {@code -Asymgrad.modelDir} names, in order; none when it is not given. */
  static List<Path> modelDirs(Map<String, String> options) {
    String value = options.get(MODEL_DIR_OPTION);
    List<Path> dirs = new ArrayList<>();
    if (value != null) {
      for (String dir : value.split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          dirs.add(Path.of(dir.strip()).toAbsolutePath());
        }
      }
    }
    return List.copyOf(dirs);
  }

  /** The file {@code name} names, seen from {@code packageName}, in the model folders first. */
  static Found read(Filer filer, List<Path> modelDirs, String packageName, String name) {
    boolean absolute = name.startsWith("/");
    String relative = absolute ? name.substring(1) : name;
    String pkg = absolute ? "" : packageName;
    int slash = relative.lastIndexOf('/');
    String fileName = relative.substring(slash + 1);
    String path = pkg.isEmpty() ? relative : pkg.replace('.', '/') + "/" + relative;
    List<byte @Nullable []> candidates = new ArrayList<>();
    for (Path dir : modelDirs) {
      candidates.add(bytes(dir.resolve(path)));
    }
    for (JavaFileManager.Location place : PLACES) {
      candidates.add(bytes(filer, place, pkg, relative));
    }
    for (byte[] bytes : candidates) {
      if (bytes != null) {
        try {
          return new Found(fileName, decode(bytes), null);
        } catch (CharacterCodingException e) {
          return new Found(fileName, null, path + " is not valid UTF-8");
        }
      }
    }
    String inDirs = modelDirs.isEmpty() ? "" : " (nor in -A" + MODEL_DIR_OPTION + " "
        + String.join(java.io.File.pathSeparator, modelDirs.stream().map(Path::toString).toList())
        + ")";
    return new Found(fileName, null, "no model file " + path + " on the source path, in the "
        + "class output or on the class path" + inDirs + "; put it beside the annotated type's "
        + "source, or under src/main/resources/" + path + ", or name its root folder with -A"
        + MODEL_DIR_OPTION + "=DIR");
  }

  private static byte @Nullable [] bytes(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      return null;
    }
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
