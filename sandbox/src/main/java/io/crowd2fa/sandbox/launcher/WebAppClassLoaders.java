package io.crowd2fa.sandbox.launcher;

import io.crowd2fa.sandbox.SharedPackagesClassLoader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class loaders for the shipped jars, as a product's {@code WEB-INF/lib} or Crowd's plugin system.
 */
final class WebAppClassLoaders {

  private WebAppClassLoaders() {}

  /**
   * A loader over {@code jar} (and optional extra directories such as a {@code WEB-INF/classes}
   * holding {@code crowd.properties}) whose parent sees only the JDK and the shared packages.
   */
  static URLClassLoader isolated(String name, Path jar, Path... classDirectories) {
    if (!Files.isRegularFile(jar)) {
      throw new SandboxLaunchException(
          "The "
              + name
              + " jar "
              + jar
              + " does not exist. Build it first: ./mvnw -B -q install -DskipTests");
    }
    List<URL> urls = new ArrayList<>();
    try {
      for (Path directory : classDirectories) {
        urls.add(directory.toUri().toURL());
      }
      urls.add(jar.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new SandboxLaunchException("Cannot use " + jar + " as a class path entry", e);
    }
    return new URLClassLoader(
        name,
        urls.toArray(URL[]::new),
        new SharedPackagesClassLoader(
            "crowd-plugin-host",
            WebAppClassLoaders.class.getClassLoader(),
            SharedPackagesClassLoader.CROWD_PLUGIN_PACKAGES));
  }
}
