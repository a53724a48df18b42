package io.crowd2fa.it.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on a free loopback port serving HTML pages from the test class path. */
public final class StaticSite implements AutoCloseable {

  private final Tomcat tomcat;

  private StaticSite(Tomcat tomcat) {
    this.tomcat = tomcat;
  }

  /**
   * Serves {@code classpath:/<resourceFolder>/<name>} at {@code http://localhost:<port>/<name>}.
   */
  public static StaticSite serving(String resourceFolder) {
    try {
      Path base = Files.createTempDirectory("crowd2fa-static-site-");
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(base.toString());
      tomcat.setHostname("localhost");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      Context context = tomcat.addContext("", base.toString());
      Tomcat.addServlet(context, "pages", new ResourceServlet(resourceFolder));
      context.addServletMappingDecoded("/*", "pages");
      tomcat.start();
      return new StaticSite(tomcat);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("embedded Tomcat did not start", e);
    }
  }

  /** WebAuthn needs a secure context; {@code http://localhost} is one. */
  public String url(String page) {
    return "http://localhost:" + tomcat.getConnector().getLocalPort() + "/" + page;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  private static final class ResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final String folder;

    ResourceServlet(String folder) {
      this.folder = folder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
      if (!name.matches("[a-z0-9-]+\\.html")) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      try (InputStream page = StaticSite.class.getResourceAsStream("/" + folder + "/" + name)) {
        if (page == null) {
          response.sendError(HttpServletResponse.SC_NOT_FOUND);
          return;
        }
        response.setContentType("text/html;charset=UTF-8");
        page.transferTo(response.getOutputStream());
      }
    }
  }
}
