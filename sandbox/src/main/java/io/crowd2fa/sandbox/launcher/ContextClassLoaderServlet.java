package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/**
 * Runs a servlet from an isolated class loader with that loader as the thread's context class
 * loader, as Crowd's plugin system does for a plugin's servlet, so libraries inside the plugin that
 * look classes up through the context loader (JPA, JDBC drivers, ServiceLoader) find their own.
 */
final class ContextClassLoaderServlet implements Servlet {

  private final Servlet delegate;
  private final ClassLoader loader;

  ContextClassLoaderServlet(Servlet delegate, ClassLoader loader) {
    this.delegate = delegate;
    this.loader = loader;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    try {
      inPluginContext(() -> delegate.init(config));
    } catch (IOException e) {
      throw new ServletException(e);
    }
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    inPluginContext(() -> delegate.service(request, response));
  }

  @Override
  public void destroy() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      delegate.destroy();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public ServletConfig getServletConfig() {
    return delegate.getServletConfig();
  }

  @Override
  public String getServletInfo() {
    return delegate.getServletInfo();
  }

  private void inPluginContext(ServletWork work) throws ServletException, IOException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      work.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @FunctionalInterface
  private interface ServletWork {
    void run() throws ServletException, IOException;
  }
}
