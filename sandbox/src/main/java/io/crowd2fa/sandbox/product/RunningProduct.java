package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/** A started sample product; {@link #close()} stops Tomcat and releases the web-app loader. */
public final class RunningProduct implements AutoCloseable {

  private final ProductFlavour flavour;
  private final Tomcat tomcat;
  private final HarnessSecurityConfig config;
  private final URLClassLoader webApp;

  RunningProduct(
      ProductFlavour flavour, Tomcat tomcat, HarnessSecurityConfig config, URLClassLoader webApp) {
    this.flavour = flavour;
    this.tomcat = tomcat;
    this.config = config;
    this.webApp = webApp;
  }

  public ProductFlavour flavour() {
    return flavour;
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  /** e.g. {@code http://localhost:8080/jira} (no trailing slash). */
  public URI baseUrl() {
    return URI.create("http://localhost:" + port() + flavour.contextPath());
  }

  /** {@code baseUrl + path}, path as given (not normalised: tests send tricks on purpose). */
  public String url(String path) {
    return baseUrl() + path;
  }

  /** The authenticator Seraph was configured with, loaded in the web app's class loader. */
  public Authenticator authenticator() {
    return config.getAuthenticator();
  }

  /** The product's remember-me service, to mint cookies the product itself would accept. */
  public RememberMeCookies rememberMe() {
    return config.getRememberMeService();
  }

  /** Marker present in every protected page and REST answer. */
  public static String protectedMarker() {
    return SamplePages.PROTECTED_MARKER;
  }

  @Override
  public void close() {
    try {
      config.destroy();
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new ProductHarnessException("cannot stop " + flavour, e);
    } finally {
      try {
        webApp.close();
      } catch (IOException e) {
        throw new ProductHarnessException("cannot close the web-app class loader", e);
      }
    }
  }
}
