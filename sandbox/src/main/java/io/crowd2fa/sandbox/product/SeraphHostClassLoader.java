package io.crowd2fa.sandbox.product;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a sample product's web-app class loader: the JDK plus what a Seraph product shares
 * with the jars in its {@code WEB-INF/lib}: the servlet API, slf4j, and the product's own Seraph
 * and product classes (here {@code atlassian-api}). Nothing else of the sandbox is visible, so the
 * authenticator jar must bring every other class it needs, as in a real installation.
 */
final class SeraphHostClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  static final List<String> SHARED_PACKAGES =
      List.of("javax.servlet.", "org.slf4j.", "com.atlassian.", "io.crowd2fa.atlassianapi.");

  private final ClassLoader host;

  SeraphHostClassLoader(ClassLoader host) {
    super("seraph-host", ClassLoader.getPlatformClassLoader());
    this.host = host;
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

  private static boolean isShared(String name) {
    for (String prefix : SHARED_PACKAGES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
