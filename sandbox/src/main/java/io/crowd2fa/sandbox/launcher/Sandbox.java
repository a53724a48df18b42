package io.crowd2fa.sandbox.launcher;

import io.crowd2fa.sandbox.crowd.CrowdSeed;
import io.crowd2fa.sandbox.crowd.CrowdStandIn;
import io.crowd2fa.sandbox.tls.TestCertificateAuthority;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole sandbox in one process: the Crowd stand-in on 8095 with the built 2FA service mounted
 * at {@code /crowd/plugins/servlet/2fa}, and the Jira-like (8080) and Confluence-like (8090) sample
 * products protected by the built authenticator jar. Start it with {@link #main} or, in tests, with
 * {@link #start(SandboxSettings)} and ports 0.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  private final SandboxSettings settings;
  private final SandboxTopology topology;
  private final SandboxHome home;
  private final SandboxClock clock;
  private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
  private CrowdStandIn crowd;
  private NetworkSetup.Prepared network;

  private Sandbox(SandboxSettings settings, SandboxClock clock) {
    this.settings = settings;
    this.topology =
        new SandboxTopology(
            settings.crowdPort(),
            settings.jiraPort(),
            settings.confluencePort(),
            settings.network());
    this.home = new SandboxHome(settings.home());
    this.clock = clock;
  }

  /** Starts everything or nothing: on a failure whatever already runs is stopped again. */
  public static Sandbox start(SandboxSettings requested) {
    SandboxSettings settings = withFreePortsFor(requested);
    PortGuard.requireFree("the Crowd stand-in", settings.crowdPort(), SandboxSettings.CROWD_PORT);
    PortGuard.requireFree("the Jira-like app", settings.jiraPort(), SandboxSettings.JIRA_PORT);
    PortGuard.requireFree(
        "the Confluence-like app", settings.confluencePort(), SandboxSettings.CONFLUENCE_PORT);
    Sandbox sandbox = new Sandbox(settings, SandboxClock.systemUtc());
    try {
      sandbox.startAll();
      return sandbox;
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private void startAll() {
    home.write(topology, settings.policy().orElse(null));
    network = NetworkSetup.prepare(topology, home);
    // The products start beside the Crowd stand-in: the service's database migration dominates
    // the start time, and the products do not call the service before a user arrives.
    ExecutorService background =
        Executors.newSingleThreadExecutor(task -> new Thread(task, "crowd2fa-sandbox-products"));
    Future<?> products = background.submit(this::startProducts);
    background.shutdown();
    RuntimeException failure = null;
    try {
      startCrowdWithService();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      products.get();
    } catch (ExecutionException e) {
      failure = firstOf(failure, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = firstOf(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void startCrowdWithService() {
    TwoFactorServiceJar service = TwoFactorServiceJar.open(settings.pluginJar());
    running.add(0, service);
    CrowdStandIn.Builder standIn =
        CrowdStandIn.builder()
            .port(settings.crowdPort())
            .bindAddress(topology.bindAddress(Product.SERVICE))
            .host(topology.host(Product.SERVICE))
            .seed(
                withCookieOfTopology(
                    settings.seed().map(CrowdSeed::load).orElseGet(CrowdSeed::demo)));
    network.tls().ifPresent(standIn::tls);
    crowd =
        standIn
            .clock(clock)
            .contextAttribute(SandboxClock.CONTEXT_ATTRIBUTE, clock)
            .servlet(
                "crowd2fa",
                service.newServlet(),
                Map.of(TwoFactorServiceJar.CONFIG_INIT_PARAM, home.serviceConfig().toString()),
                TwoFactorServiceJar.MOUNT_PATH + "/*")
            .servlet(
                "sandbox-clock", new ClockControlServlet(clock), Map.of(), ClockControlServlet.PATH)
            .build()
            .start();
    running.add(0, crowd);
  }

  private void startProducts() {
    for (Product product : Product.PRODUCTS) {
      running.add(0, ProductApps.start(product, topology, home, settings, clock, network.tls()));
    }
  }

  /**
   * Crowd's SSO cookie as the topology needs it: on the parent domain, Secure under HTTPS (as a
   * Crowd admin sets them in Crowd's session configuration); the seed's own otherwise.
   */
  private CrowdSeed withCookieOfTopology(CrowdSeed seed) {
    if (topology.cookieDomain().isEmpty() && !topology.network().https()) {
      return seed;
    }
    CrowdSeed.Cookie cookie =
        new CrowdSeed.Cookie(
            seed.cookie().name(),
            topology.network().https(),
            topology.cookieDomain().orElse(seed.cookie().domain()));
    return new CrowdSeed(seed.documentation(), cookie, seed.directories(), seed.applications());
  }

  /** The test CA of an HTTPS sandbox (its certificate is also in {@code sandbox-ca.pem}). */
  public Optional<TestCertificateAuthority> certificateAuthority() {
    return network == null ? Optional.empty() : network.ca();
  }

  private static RuntimeException firstOf(RuntimeException earlier, Throwable later) {
    RuntimeException failure =
        later instanceof RuntimeException runtime
            ? runtime
            : new SandboxLaunchException("A sample product did not start", later);
    if (earlier == null) {
      return failure;
    }
    earlier.addSuppressed(failure);
    return earlier;
  }

  public SandboxTopology topology() {
    return topology;
  }

  public SandboxHome home() {
    return home;
  }

  /** Moves the time of all three apps; the same as {@code POST /crowd/sandbox/clock}. */
  public SandboxClock clock() {
    return clock;
  }

  public CrowdStandIn crowd() {
    return crowd;
  }

  /** Stops the servers in reverse order of starting; safe to call twice. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    List<AutoCloseable> servers;
    synchronized (running) {
      servers = List.copyOf(running);
    }
    for (AutoCloseable server : servers) {
      try {
        server.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new SandboxLaunchException("The sandbox did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    running.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** {@code --crowd.port=9095} etc.; see {@link SandboxSettings} for every setting. */
  public static void main(String[] args) throws InterruptedException {
    configurePlainTextLogging();
    long started = System.nanoTime();
    Sandbox sandbox;
    try {
      sandbox = start(SandboxSettings.from(System.getProperties(), args));
    } catch (SandboxLaunchException e) {
      System.err.println("Crowd2FA sandbox did not start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "crowd2fa-sandbox-shutdown"));
    sandbox.printBanner(System.out, Duration.ofNanos(System.nanoTime() - started));
    new CountDownLatch(1).await();
  }

  void printBanner(PrintStream out, Duration startTime) {
    out.println();
    out.println("Crowd2FA sandbox is up (started in " + startTime.toMillis() + " ms).");
    out.println();
    out.println("  Jira-like app        " + topology.productBaseUrl(Product.JIRA) + "/");
    out.println("  Confluence-like app  " + topology.productBaseUrl(Product.CONFLUENCE) + "/");
    out.println("  Crowd stand-in       " + topology.crowdBaseUrl() + "/rest/usermanagement/1/");
    out.println("  2FA service          " + topology.serviceBaseUrl() + "/login");
    out.println("  Your sign-in methods " + topology.serviceBaseUrl() + "/account");
    out.println("  Help desk (admin)    " + topology.serviceBaseUrl() + "/admin");
    out.println("  Sandbox clock        " + topology.clockUrl() + "   (POST advance=PT16M)");
    out.println();
    topology
        .cookieDomain()
        .ifPresent(
            domain ->
                out.println(
                    "  Host names under "
                        + domain
                        + ", SSO cookie on that domain; a browser must resolve them, e.g."
                        + " chromium --host-resolver-rules=\"MAP crowd"
                        + domain
                        + " 127.0.0.1, MAP jira"
                        + domain
                        + " 127.0.0.2, MAP confluence"
                        + domain
                        + " 127.0.0.3\""));
    certificateAuthority()
        .ifPresent(
            ca ->
                out.println(
                    "  HTTPS with a test CA made at this start: "
                        + NetworkSetup.caCertificate(home)
                        + " (trust it in the browser, or curl --cacert)"));
    out.println();
    out.println("  Demo accounts (DEMO ONLY, public passwords):");
    out.println("    admin / admin123            crowd-administrators");
    out.println("    alice / alice123            jira-software-users, confluence-users");
    out.println("    bob / bob123                jira-software-users, confluence-users");
    out.println("    contractor / contractor123  external (security key required)");
    out.println("    inactive / inactive123      inactive account");
    out.println();
    out.println("  Configuration written to " + home.root() + ":");
    out.println("    " + home.serviceConfig());
    out.println("    " + home.policy());
    out.println("    " + home.seraphConfig(Product.JIRA));
    out.println("    " + home.productCrowdProperties(Product.JIRA));
    out.println();
    out.println("  Press Ctrl-C to stop.");
    out.flush();
  }

  private static void configurePlainTextLogging() {
    Properties system = System.getProperties();
    system.putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    system.putIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    system.putIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
  }

  private static SandboxSettings withFreePortsFor(SandboxSettings settings) {
    if (settings.crowdPort() != 0 && settings.jiraPort() != 0 && settings.confluencePort() != 0) {
      return settings;
    }
    // The configuration files name every URL before the servers start, so "any port" is decided
    // here rather than by Tomcat.
    return settings.withPorts(
        orFree(settings.crowdPort()),
        orFree(settings.jiraPort()),
        orFree(settings.confluencePort()));
  }

  private static int orFree(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
