package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.Authenticator;
import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.config.SecurityConfigFactory;
import io.crowd2fa.sandbox.SharedPackagesClassLoader;
import io.crowd2fa.sandbox.tls.ServerTls;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.servlet.DispatcherType;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContext;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.modeler.Registry;

/**
 * A Jira-like or Confluence-like sample web app on embedded Tomcat 9, protected by Seraph (the
 * harness's {@link SecurityFilter}, {@link LoginFilter}, {@link LogoutServlet}) with whatever
 * authenticator its {@code seraph-config.xml} names, loaded from a jar in the web app's own class
 * loader as from {@code WEB-INF/lib}.
 *
 * <pre>{@code
 * try (RunningProduct jira = SampleProduct.jiraLike()
 *     .port(0)
 *     .authenticatorJar(Path.of("seraph-authenticator/target/crowd2fa-seraph.jar"))
 *     .seraphConfig(seraphConfigXml)
 *     .crowdProperties(crowdProperties)
 *     .clock(clock)                      // optional: servlet-context attribute io.crowd2fa.clock
 *     .start()) {
 *   jira.url(jira.flavour().userPage());
 * }
 * }</pre>
 */
public final class SampleProduct {

  /** The servlet-context attribute through which the sandbox's clock reaches the authenticator. */
  public static final String CLOCK_ATTRIBUTE = "io.crowd2fa.clock";

  private SampleProduct() {}

  public static Builder jiraLike() {
    return new Builder(ProductFlavour.JIRA_LIKE);
  }

  public static Builder confluenceLike() {
    return new Builder(ProductFlavour.CONFLUENCE_LIKE);
  }

  /**
   * The stand-in's demo users, plus {@code rescue} / {@code rescue123}: a product-local account
   * (not in Crowd) for break-glass tests. Admins are in {@code crowd-administrators}.
   */
  public static List<SampleUser> demoUsers() {
    return List.of(
        new SampleUser("admin", "admin123", Set.of("crowd-administrators"), true),
        new SampleUser(
            "alice", "alice123", Set.of("jira-software-users", "confluence-users"), true),
        new SampleUser("bob", "bob123", Set.of("jira-software-users", "confluence-users"), true),
        new SampleUser("contractor", "contractor123", Set.of("external"), true),
        new SampleUser("inactive", "inactive123", Set.of("jira-software-users"), false),
        new SampleUser("rescue", "rescue123", Set.of("crowd-administrators"), true));
  }

  /**
   * A {@code seraph-config.xml} in the real format: the product's login/logout URLs and one {@code
   * <authenticator>} with the given init-params.
   */
  public static String seraphConfigXml(
      String authenticatorClass,
      String loginUrl,
      String logoutUrl,
      Map<String, String> authenticatorInitParams) {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<security-config>\n")
            .append("  <parameters>\n")
            .append(param("login.url", loginUrl))
            .append(param("link.login.url", loginUrl))
            .append(logoutUrl == null ? "" : param("logout.url", logoutUrl))
            .append(param("authentication.type", "os_authType"))
            .append(param("invalidate.session.on.login", "true"))
            .append("  </parameters>\n")
            .append("  <authenticator class=\"")
            .append(xmlEscape(authenticatorClass))
            .append("\">\n");
    authenticatorInitParams.forEach((name, value) -> xml.append(param(name, value)));
    return xml.append("  </authenticator>\n</security-config>\n").toString();
  }

  private static String param(String name, String value) {
    return "    <init-param><param-name>"
        + xmlEscape(name)
        + "</param-name><param-value>"
        + xmlEscape(value)
        + "</param-value></init-param>\n";
  }

  private static String xmlEscape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Configures and starts one sample product. */
  public static final class Builder {
    private final ProductFlavour flavour;
    private int port;
    private Path authenticatorJar;
    private Path seraphConfig;
    private Path crowdProperties;
    private Clock clock;
    private List<SampleUser> users = demoUsers();
    private SecureRandom random = new SecureRandom();
    private String bindAddress = "127.0.0.1";
    private ServerTls tls;

    private Builder(ProductFlavour flavour) {
      this.flavour = flavour;
    }

    /** Loopback address to listen on; default {@code 127.0.0.1}. */
    public Builder bindAddress(String address) {
      this.bindAddress = java.util.Objects.requireNonNull(address, "address");
      return this;
    }

    /** Serves HTTPS with this key and certificate instead of HTTP. */
    public Builder tls(ServerTls tls) {
      this.tls = java.util.Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** Loopback port; 0 picks a free one (see {@link RunningProduct#port()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The jar that {@code WEB-INF/lib} would hold, e.g. the built {@code crowd2fa-seraph.jar}. */
    public Builder authenticatorJar(Path jar) {
      this.authenticatorJar = jar;
      return this;
    }

    /** The product's {@code seraph-config.xml}. */
    public Builder seraphConfig(Path file) {
      this.seraphConfig = file;
      return this;
    }

    /** The product's {@code crowd.properties}, put on the web app's class path. */
    public Builder crowdProperties(Path file) {
      this.crowdProperties = file;
      return this;
    }

    /** Published as servlet-context attribute {@value #CLOCK_ATTRIBUTE}; default: none. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The product's own user directory; default {@link #demoUsers()}. */
    public Builder users(List<SampleUser> users) {
      this.users = List.copyOf(users);
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public RunningProduct start() {
      Objects.requireNonNull(seraphConfig, "seraphConfig");
      SeraphConfigFile file = SeraphConfigFile.read(seraphConfig);
      ProductDirectory directory =
          new ProductDirectory(users, flavour.loginGroups(), Set.of("crowd-administrators"));
      RememberMeCookies rememberMe = new RememberMeCookies(random);
      HarnessSecurityConfig config = new HarnessSecurityConfig(file, directory, rememberMe);
      URLClassLoader webApp = webAppClassLoader();
      Authenticator authenticator = instantiate(file, webApp, config);
      config.useAuthenticator(authenticator);
      SecurityConfigFactory.setSecurityConfig(config);
      Tomcat tomcat = tomcat(config);
      return new RunningProduct(flavour, tomcat, config, webApp);
    }

    private URLClassLoader webAppClassLoader() {
      List<URL> urls = new ArrayList<>();
      try {
        if (crowdProperties != null) {
          Path classes =
              Files.createTempDirectory("crowd2fa-" + flavour.application() + "-classes");
          Files.copy(
              crowdProperties,
              classes.resolve("crowd.properties"),
              StandardCopyOption.REPLACE_EXISTING);
          urls.add(classes.toUri().toURL());
        }
        if (authenticatorJar != null) {
          if (!Files.exists(authenticatorJar)) {
            throw new ProductHarnessException(
                "authenticator jar "
                    + authenticatorJar
                    + " does not exist; build it: ./mvnw -B -q -pl seraph-authenticator -am package");
          }
          urls.add(authenticatorJar.toUri().toURL());
        }
      } catch (IOException e) {
        throw new ProductHarnessException("cannot prepare the web app class path", e);
      }
      return new URLClassLoader(
          flavour.application() + "-webapp",
          urls.toArray(URL[]::new),
          new SharedPackagesClassLoader(
              "seraph-host",
              SampleProduct.class.getClassLoader(),
              SharedPackagesClassLoader.SERAPH_PRODUCT_PACKAGES));
    }

    private static Authenticator instantiate(
        SeraphConfigFile file, ClassLoader webApp, SecurityConfig config) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(webApp);
      try {
        Authenticator authenticator =
            (Authenticator)
                Class.forName(file.authenticatorClass(), true, webApp)
                    .getDeclaredConstructor()
                    .newInstance();
        authenticator.init(file.authenticatorParams(), config);
        return authenticator;
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new ProductHarnessException(
            "cannot load authenticator " + file.authenticatorClass() + ": " + e, e);
      } finally {
        thread.setContextClassLoader(previous);
      }
    }

    private Tomcat tomcat(HarnessSecurityConfig config) {
      try {
        Path base = Files.createTempDirectory("crowd2fa-" + flavour.application() + "-tomcat");
        // Several embedded Tomcats share this JVM; their JMX names would collide (SEVERE noise) and
        // nothing here reads them.
        Registry.disableRegistry();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", bindAddress);
        if (tls != null) {
          tls.configure(connector);
        }
        tomcat.setConnector(connector);
        Context context =
            tomcat.addContext(
                flavour.contextPath(), Files.createDirectories(base.resolve("docs")).toString());
        context.addServletContainerInitializer(
            (classes, servletContext) -> install(servletContext, config), null);
        tomcat.start();
        return tomcat;
      } catch (IOException | LifecycleException e) {
        throw new ProductHarnessException("cannot start " + flavour, e);
      }
    }

    private void install(ServletContext servletContext, HarnessSecurityConfig config) {
      servletContext.setAttribute(SecurityConfig.STORAGE_KEY, config);
      if (clock != null) {
        servletContext.setAttribute(CLOCK_ATTRIBUTE, clock);
      }
      EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
      FilterRegistration.Dynamic login = servletContext.addFilter("login", new LoginFilter(config));
      login.addMappingForUrlPatterns(requests, false, "/*");
      FilterRegistration.Dynamic security =
          servletContext.addFilter(
              "security", new SecurityFilter(config, new ProtectedPaths(flavour)));
      security.addMappingForUrlPatterns(requests, true, "/*");
      servletContext
          .addServlet("logout", new LogoutServlet(config))
          .addMapping(flavour.logoutPath());
      servletContext
          .addServlet("pages", new SamplePages(flavour))
          .addMapping(
              "/",
              flavour.userPage(),
              flavour.adminPage(),
              flavour.restEndpoint(),
              flavour.loginPage(),
              flavour.staticPrefix() + "/*");
    }
  }
}
