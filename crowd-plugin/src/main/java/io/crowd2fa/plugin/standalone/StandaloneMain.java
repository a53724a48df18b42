package io.crowd2fa.plugin.standalone;

import io.crowd2fa.plugin.config.ServiceConfig;
import io.crowd2fa.plugin.config.ServiceConfigLoader;
import io.crowd2fa.plugin.web.TwoFactorServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/**
 * Runs the 2FA service beside Crowd on embedded Tomcat 9: the same {@link TwoFactorServlet} as in
 * the plugin, mounted at the path of {@code crowd2fa.service.base-url} on its port.
 *
 * <p>{@code java -cp "crowd-plugin-<v>-plugin.jar:crowd-plugin/target/standalone-lib/*"
 * io.crowd2fa.plugin.standalone.StandaloneMain /etc/crowd2fa/crowd2fa.properties}
 */
public final class StandaloneMain {

  private StandaloneMain() {}

  public static void main(String[] args) throws LifecycleException {
    if (args.length != 1) {
      System.err.println("usage: StandaloneMain <path of crowd2fa.properties>");
      System.exit(2);
      return;
    }
    Path configFile = Path.of(args[0]).toAbsolutePath();
    ServiceConfig config = ServiceConfigLoader.load(configFile);
    Tomcat tomcat = tomcat(config, configFile);
    tomcat.start();
    System.out.println("Crowd2FA listening at " + config.serviceBaseUrl());
    tomcat.getServer().await();
  }

  /** A Tomcat serving the service at the base URL's port and path (not yet started). */
  static Tomcat tomcat(ServiceConfig config, Path configFile) {
    int port = config.serviceBaseUrl().getPort();
    if (port == -1) {
      port = config.isHttps() ? 443 : 80;
    }
    Tomcat tomcat = new Tomcat();
    try {
      tomcat.setBaseDir(Files.createTempDirectory("crowd2fa-tomcat").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create Tomcat's work directory", e);
    }
    tomcat.setPort(port);
    tomcat.getConnector();
    Context context = tomcat.addContext("", null);
    Wrapper servlet = Tomcat.addServlet(context, "crowd2fa", new TwoFactorServlet());
    servlet.addInitParameter(TwoFactorServlet.CONFIG_PARAM, configFile.toString());
    servlet.setLoadOnStartup(1);
    context.addServletMappingDecoded(config.servicePath() + "/*", "crowd2fa");
    return tomcat;
  }
}
