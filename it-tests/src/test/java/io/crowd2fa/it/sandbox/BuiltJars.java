package io.crowd2fa.it.sandbox;

import io.crowd2fa.sandbox.launcher.SandboxSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The built plugin and authenticator jars, copied once per test run: a class loader reads a jar
 * lazily, so a rebuild of the module while the suite runs must not change the jar under it.
 */
final class BuiltJars {

  private static Path plugin;
  private static Path authenticator;

  private BuiltJars() {}

  static synchronized Path plugin() {
    if (plugin == null) {
      plugin = snapshot(SandboxSettings.PLUGIN_JAR);
    }
    return plugin;
  }

  static synchronized Path authenticator() {
    if (authenticator == null) {
      authenticator = snapshot(SandboxSettings.AUTHENTICATOR_JAR);
    }
    return authenticator;
  }

  private static Path snapshot(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          property + " is not set; run the tests through Maven (it-tests/pom.xml sets it)");
    }
    Path source = Path.of(value);
    try {
      Path copy = Files.createTempDirectory("crowd2fa-it-jars-").resolve(source.getFileName());
      Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
      copy.toFile().deleteOnExit();
      copy.getParent().toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the built jar " + source, e);
    }
  }
}
