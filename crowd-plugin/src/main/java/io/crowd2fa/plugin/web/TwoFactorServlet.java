package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.config.ServiceConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The entry point of the 2FA service in every host (Crowd plugin servlet module at {@code
 * /plugins/servlet/2fa/*}, the Crowd stand-in, the standalone runner).
 *
 * <p>Init-param {@value #CONFIG_PARAM} names the configuration file (environment variables override
 * its keys; {@code CROWD2FA_CONFIG} is used when the init-param is absent). A {@link Clock} in
 * servlet-context attribute {@value #CLOCK_ATTRIBUTE} replaces the system clock (only the sandbox
 * sets it).
 */
public class TwoFactorServlet extends HttpServlet {

  public static final String CONFIG_PARAM = "crowd2fa.config";
  public static final String CONFIG_ENVIRONMENT = "CROWD2FA_CONFIG";
  public static final String CLOCK_ATTRIBUTE = "io.crowd2fa.clock";

  private static final long serialVersionUID = 1L;

  private transient ServiceAssembly service;
  private transient WebRoutes routes;

  @Override
  public void init() throws ServletException {
    String configPath = getInitParameter(CONFIG_PARAM);
    if (configPath == null || configPath.isBlank()) {
      configPath = System.getenv(CONFIG_ENVIRONMENT);
    }
    if (configPath == null || configPath.isBlank()) {
      throw new ServletException(
          CONFIG_PARAM
              + ": init-param (or "
              + CONFIG_ENVIRONMENT
              + ") naming the configuration file is missing");
    }
    Object clockAttribute = getServletContext().getAttribute(CLOCK_ATTRIBUTE);
    Clock clock = clockAttribute instanceof Clock c ? c : Clock.systemUTC();
    service =
        ServiceAssembly.start(
            ServiceConfigLoader.load(Path.of(configPath.trim()), System.getenv()),
            clock,
            System.getenv());
    routes = new WebRoutes(service);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    routes.handle(request, response);
  }

  @Override
  public void destroy() {
    if (service != null) {
      service.close();
    }
  }
}
