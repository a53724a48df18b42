package io.crowd2fa.sandbox;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a web app's or plugin's own class loader, as a host provides it: the JDK plus only
 * the packages the host shares. Nothing else of the sandbox (Tomcat, the Crowd stand-in, Jackson)
 * is visible through it, so a shipped jar that quietly relied on one of them fails here as it would
 * in Crowd or a product.
 */
public final class SharedPackagesClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  /** What Crowd gives plugins: the servlet API and slf4j. */
  public static final List<String> CROWD_PLUGIN_PACKAGES = List.of("javax.servlet.", "org.slf4j.");

  /**
   * What a Seraph product shares with the jars in its {@code WEB-INF/lib}: the servlet API, slf4j,
   * and its own Seraph and product classes (here {@code atlassian-api} and its harness hook).
   */
  public static final List<String> SERAPH_PRODUCT_PACKAGES =
      List.of("javax.servlet.", "org.slf4j.", "com.atlassian.", "io.crowd2fa.atlassianapi.");

  private final ClassLoader host;
  private final List<String> sharedPackages;

  public SharedPackagesClassLoader(String name, ClassLoader host, List<String> sharedPackages) {
    super(name, ClassLoader.getPlatformClassLoader());
    this.host = host;
    this.sharedPackages = List.copyOf(sharedPackages);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return host.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected URL findResource(String name) {
    return isShared(name.replace('/', '.')) ? host.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return isShared(name.replace('/', '.'))
        ? host.getResources(name)
        : Collections.emptyEnumeration();
  }

  private boolean isShared(String name) {
    return sharedPackages.stream().anyMatch(name::startsWith);
  }
}
