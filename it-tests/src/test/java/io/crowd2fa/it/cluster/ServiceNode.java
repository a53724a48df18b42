package io.crowd2fa.it.cluster;

import io.crowd2fa.sandbox.launcher.SandboxClock;
import io.crowd2fa.sandbox.launcher.TwoFactorServiceJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * One node of the 2FA service: its own embedded Tomcat with the plugin servlet mounted at {@code
 * /crowd/plugins/servlet/2fa/*}, as in a Crowd Data Center node, configured by its own file.
 */
final class ServiceNode implements AutoCloseable {

  private final Tomcat tomcat;
  private final int port;

  private ServiceNode(Tomcat tomcat, int port) {
    this.tomcat = tomcat;
    this.port = port;
  }

  static ServiceNode start(int port, Servlet servlet, Path configFile, Clock clock) {
    try {
      Path base = Files.createTempDirectory("crowd2fa-it-node-");
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(base.toString());
      Connector connector = new Connector("HTTP/1.1");
      connector.setPort(port);
      connector.setProperty("address", "127.0.0.1");
      tomcat.getService().addConnector(connector);
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("/crowd", base.toString());
      context.getServletContext().setAttribute(SandboxClock.CONTEXT_ATTRIBUTE, clock);
      Wrapper wrapper = Tomcat.addServlet(context, "crowd2fa", servlet);
      wrapper.addInitParameter(TwoFactorServiceJar.CONFIG_INIT_PARAM, configFile.toString());
      wrapper.setLoadOnStartup(1);
      context.addServletMappingDecoded(TwoFactorServiceJar.MOUNT_PATH + "/*", "crowd2fa");
      tomcat.start();
      return new ServiceNode(tomcat, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("service node on port " + port + " did not start", e);
    }
  }

  static String baseUrl(int port) {
    return "http://localhost:" + port + "/crowd" + TwoFactorServiceJar.MOUNT_PATH;
  }

  String baseUrl() {
    return baseUrl(port);
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
