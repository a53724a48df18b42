package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import javax.servlet.Servlet;

/**
 * The built {@code crowd-plugin} jar, loaded the way a host loads it: in its own class loader that
 * sees only the JDK, the servlet API and slf4j, with its servlet instantiated by name. The sandbox
 * never links against the plugin's classes.
 */
public final class TwoFactorServiceJar implements AutoCloseable {

  /** The plugin's entry point (PLAN.md contract). */
  public static final String SERVLET_CLASS = "io.crowd2fa.plugin.web.TwoFactorServlet";

  /** The init-param naming the service's configuration file. */
  public static final String CONFIG_INIT_PARAM = "crowd2fa.config";

  /**
   * Where a host mounts the servlet inside its context, e.g. {@code /crowd/plugins/servlet/2fa}.
   */
  public static final String MOUNT_PATH = "/plugins/servlet/2fa";

  private final URLClassLoader loader;

  private TwoFactorServiceJar(URLClassLoader loader) {
    this.loader = loader;
  }

  public static TwoFactorServiceJar open(Path jar) {
    return new TwoFactorServiceJar(WebAppClassLoaders.isolated("crowd2fa-plugin", jar));
  }

  /** A new servlet instance; each is one node of the service once initialised. */
  public Servlet newServlet() {
    try {
      Class<?> type = Class.forName(SERVLET_CLASS, true, loader);
      Servlet servlet = (Servlet) type.getConstructor().newInstance();
      return new ContextClassLoaderServlet(servlet, loader);
    } catch (ClassNotFoundException e) {
      throw new SandboxLaunchException(
          SERVLET_CLASS + " is not in the plugin jar; is it an old build? Rebuild crowd-plugin.",
          e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new SandboxLaunchException("Cannot create " + SERVLET_CLASS, cause);
    }
  }

  public ClassLoader classLoader() {
    return loader;
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
