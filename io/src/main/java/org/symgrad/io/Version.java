package org.symgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of symgrad this was built as, from the build (a Maven-filtered resource). */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** {@code 0.1.0-SNAPSHOT}, or {@code unknown} in a build that lost its resource. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
