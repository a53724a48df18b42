package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of a web app's own class loader, as a container provides it: the JDK plus the packages
 * the container shares ({@code javax.servlet}, and the logging API the host exports). Nothing of
 * the sandbox, Tomcat or the Crowd stand-in is visible through it, so a shipped jar that quietly
 * relied on one of them fails here as it would in a product.
 */
final class ServletApiOnlyClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  /** Crowd and the Seraph products give plugins and web apps the servlet API and slf4j. */
  static final List<String> SHARED_PACKAGES = List.of("javax.servlet.", "org.slf4j.");

  private final ClassLoader container;

  ServletApiOnlyClassLoader(ClassLoader container) {
    super("servlet-api-only", ClassLoader.getPlatformClassLoader());
    this.container = container;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (isShared(name)) {
      return container.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected URL findResource(String name) {
    return isShared(name.replace('/', '.')) ? container.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return isShared(name.replace('/', '.'))
        ? container.getResources(name)
        : Collections.emptyEnumeration();
  }

  private static boolean isShared(String name) {
    return SHARED_PACKAGES.stream().anyMatch(name::startsWith);
  }
}
