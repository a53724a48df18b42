package io.crowd2fa.sandbox.crowd;

import io.crowd2fa.sandbox.tls.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.servlet.Filter;
import javax.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.modeler.Registry;

/**
 * A Crowd stand-in on embedded Tomcat 9: Crowd's REST API under {@code
 * /crowd/rest/usermanagement/1/}, seeded with {@link CrowdSeed}, all state in memory. Extra
 * servlets and filters (the 2FA service at {@code /plugins/servlet/2fa/*}) share its {@code /crowd}
 * context, as a plugin shares real Crowd's.
 *
 * <pre>{@code
 * try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).clock(clock).build().start()) {
 *   CrowdClient client = CrowdClient.create(
 *       CrowdClientConfig.of(crowd.baseUrl(), "jira", new Password("jira-secret")));
 * }
 * }</pre>
 */
public final class CrowdStandIn implements AutoCloseable {

  public static final int DEFAULT_PORT = 8095;
  public static final String CONTEXT_PATH = "/crowd";
  public static final String REST_PATH = "/rest/usermanagement/1";

  /** Servlet-context attribute through which the sandbox shares its clock (PLAN.md contract). */
  public static final String CLOCK_ATTRIBUTE = "io.crowd2fa.clock";

  /** Crowd's default session timeout. */
  public static final Duration DEFAULT_SESSION_LENGTH = Duration.ofMinutes(30);

  private final Builder settings;
  private final CrowdIdentities identities;
  private final StandInSessions sessions;
  private final AtomicReference<Stall> stall = new AtomicReference<>();
  private Tomcat tomcat;
  private Path baseDir;
  private int port;

  private CrowdStandIn(Builder settings) {
    this.settings = settings;
    this.identities = new CrowdIdentities(settings.seed);
    this.sessions =
        new StandInSessions(
            settings.clock, settings.random, settings.sessionLength, settings.consistentClientIp);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the demo stand-in on port 8095 (or the first argument) until the process is stopped.
   * Optional second argument: a seed file.
   */
  public static void main(String[] args) throws InterruptedException {
    Builder builder = builder();
    if (args.length > 0) {
      builder.port(Integer.parseInt(args[0]));
    }
    if (args.length > 1) {
      builder.seed(CrowdSeed.load(Path.of(args[1])));
    }
    CrowdStandIn crowd = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(crowd::stop));
    System.out.println("Crowd stand-in at " + crowd.baseUrl());
    new CountDownLatch(1).await();
  }

  /**
   * Starts Tomcat; returns this for chaining. After {@link #stop()} it may be started again, on the
   * same port, with the users and sessions it had (a Crowd that was down and is back).
   */
  public synchronized CrowdStandIn start() {
    if (tomcat != null) {
      throw new IllegalStateException("already started");
    }
    try {
      baseDir = Files.createTempDirectory("crowd-standin");
      // Several embedded Tomcats share this JVM; their JMX names would collide (SEVERE noise) and
      // nothing here reads them.
      Registry.disableRegistry();
      Tomcat server = new Tomcat();
      server.setBaseDir(baseDir.toString());
      Connector connector = new Connector("HTTP/1.1");
      // A restart after stop() reuses the port first bound, so clients find Crowd back where it
      // was.
      connector.setPort(port != 0 ? port : settings.port);
      connector.setProperty("address", settings.bindAddress);
      // The sandbox's products validate on every request; closing keep-alive connections every
      // 100 requests (Tomcat's default) would make the stand-in, not Crowd, the bottleneck.
      connector.setProperty("maxKeepAliveRequests", "-1");
      settings.tls.ifPresent(tls -> tls.configure(connector));
      server.getService().addConnector(connector);
      server.setConnector(connector);
      Context context = server.addContext(CONTEXT_PATH, baseDir.toString());
      configure(context);
      server.start();
      tomcat = server;
      port = connector.getLocalPort();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the stand-in's Tomcat base directory", e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("Crowd stand-in failed to start on port " + settings.port, e);
    }
  }

  private void configure(Context context) {
    context.getServletContext().setAttribute(CLOCK_ATTRIBUTE, settings.clock);
    settings.contextAttributes.forEach(context.getServletContext()::setAttribute);
    Tomcat.addServlet(
        context,
        "crowd-rest",
        new CrowdRestServlet(identities, sessions, settings.seed.cookie(), stall));
    // The "Decoded" form: Tomcat 10.1, where jakarta-tests runs this class transformed, no longer
    // has addServletMapping.
    context.addServletMappingDecoded(REST_PATH + "/*", "crowd-rest");
    context.addServletMappingDecoded("/rest/usermanagement/latest/*", "crowd-rest");
    for (ServletMount mount : settings.servlets) {
      Wrapper wrapper = Tomcat.addServlet(context, mount.name(), mount.servlet());
      mount.initParameters().forEach(wrapper::addInitParameter);
      wrapper.setLoadOnStartup(1);
      for (String pattern : mount.urlPatterns()) {
        context.addServletMappingDecoded(pattern, mount.name());
      }
    }
    for (FilterMount mount : settings.filters) {
      FilterDef definition = new FilterDef();
      definition.setFilterName(mount.name());
      definition.setFilter(mount.filter());
      mount.initParameters().forEach(definition::addInitParameter);
      context.addFilterDef(definition);
      FilterMap map = new FilterMap();
      map.setFilterName(mount.name());
      mount.urlPatterns().forEach(map::addURLPattern);
      context.addFilterMap(map);
    }
  }

  /**
   * Stops Tomcat; a client then finds Crowd down. The in-memory state lives as long as this object:
   * a new stand-in starts from its seed.
   */
  public synchronized void stop() {
    Stall current = stall.getAndSet(null);
    if (current != null) {
      current.release();
    }
    if (tomcat == null) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Crowd stand-in failed to stop", e);
    } finally {
      tomcat = null;
      deleteBaseDir();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * From now on every REST request is held until the returned {@link Stall} is released (or
   * closed): a Crowd that accepts connections but does not answer.
   */
  public Stall stall() {
    Stall created = new Stall(() -> stall.set(null));
    if (!stall.compareAndSet(null, created)) {
      throw new IllegalStateException("already stalled");
    }
    return created;
  }

  /** The port Tomcat listens on (the real one when built with port 0). */
  public int port() {
    requireStarted();
    return port;
  }

  /** {@code http://localhost:<port>/crowd}: the {@code crowd.base.url} of clients. */
  public URI baseUrl() {
    requireStarted();
    String scheme = settings.tls.isPresent() ? "https" : "http";
    return URI.create(scheme + "://" + settings.host + ":" + port + CONTEXT_PATH);
  }

  /** {@code http://localhost:<port>/crowd/rest/usermanagement/1/}. */
  public URI restBaseUrl() {
    return URI.create(baseUrl() + REST_PATH + "/");
  }

  /** The users, groups and applications (tests may deactivate users or expire passwords). */
  public CrowdIdentities identities() {
    return identities;
  }

  /** The SSO sessions. */
  public StandInSessions sessions() {
    return sessions;
  }

  public Clock clock() {
    return settings.clock;
  }

  private void requireStarted() {
    if (tomcat == null) {
      throw new IllegalStateException("Crowd stand-in is not running");
    }
  }

  private void deleteBaseDir() {
    try (Stream<Path> paths = Files.walk(baseDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + baseDir, e);
    }
  }

  /** A servlet mounted in the {@code /crowd} context, e.g. at {@code /plugins/servlet/2fa/*}. */
  public record ServletMount(
      String name, Servlet servlet, Map<String, String> initParameters, List<String> urlPatterns) {
    public ServletMount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(servlet, "servlet");
      initParameters = Map.copyOf(initParameters);
      urlPatterns = List.copyOf(urlPatterns);
    }
  }

  /** A filter in the {@code /crowd} context. */
  public record FilterMount(
      String name, Filter filter, Map<String, String> initParameters, List<String> urlPatterns) {
    public FilterMount {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(filter, "filter");
      initParameters = Map.copyOf(initParameters);
      urlPatterns = List.copyOf(urlPatterns);
    }
  }

  /** Settings of a stand-in; every one has a default. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bindAddress = "127.0.0.1";
    private String host = "localhost";
    private CrowdSeed seed;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration sessionLength = DEFAULT_SESSION_LENGTH;
    private boolean consistentClientIp;
    private Optional<ServerTls> tls = Optional.empty();
    private final List<ServletMount> servlets = new ArrayList<>();
    private final List<FilterMount> filters = new ArrayList<>();
    private final Map<String, Object> contextAttributes = new LinkedHashMap<>();

    private Builder() {}

    /** Port to listen on; 0 picks a free one (tests). Default 8095. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Loopback address to bind; default {@code 127.0.0.1}. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** Serves HTTPS with this key and certificate instead of HTTP. */
    public Builder tls(ServerTls tls) {
      this.tls = Optional.of(tls);
      return this;
    }

    /** Host name used in {@link #baseUrl()}; default {@code localhost}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Users, groups and applications; default {@link CrowdSeed#demo()}. */
    public Builder seed(CrowdSeed seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /**
     * The clock of session creation and expiry; also published as servlet-context attribute {@value
     * #CLOCK_ATTRIBUTE} for mounted servlets.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Source of SSO tokens; default a new {@link SecureRandom}. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Crowd's session timeout: a session ends this long after its last validation. */
    public Builder sessionLength(Duration sessionLength) {
      if (sessionLength == null || sessionLength.isNegative() || sessionLength.isZero()) {
        throw new IllegalArgumentException("session length must be positive");
      }
      this.sessionLength = sessionLength;
      return this;
    }

    /**
     * Crowd's "Require consistent client IP address": a token validated from another client address
     * than it was created from is {@code INVALID_SSO_TOKEN}. Off by default, as in Crowd.
     */
    public Builder requireConsistentClientIp(boolean required) {
      this.consistentClientIp = required;
      return this;
    }

    /** Mounts a servlet in the {@code /crowd} context (loaded on start-up). */
    public Builder servlet(
        String name, Servlet servlet, Map<String, String> initParameters, String... urlPatterns) {
      servlets.add(new ServletMount(name, servlet, initParameters, List.of(urlPatterns)));
      return this;
    }

    /** Adds a filter to the {@code /crowd} context. */
    public Builder filter(
        String name, Filter filter, Map<String, String> initParameters, String... urlPatterns) {
      filters.add(new FilterMount(name, filter, initParameters, List.of(urlPatterns)));
      return this;
    }

    /** Sets a servlet-context attribute (after the clock, so it may replace it). */
    public Builder contextAttribute(String name, Object value) {
      contextAttributes.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    public CrowdStandIn build() {
      if (seed == null) {
        seed = CrowdSeed.demo();
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new CrowdStandIn(this);
    }
  }
}
