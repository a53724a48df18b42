package io.crowd2fa.sandbox.launcher;

import java.util.Optional;

/** The URLs under which the three servers of the sandbox answer, and where they listen. */
public record SandboxTopology(
    int crowdPort, int jiraPort, int confluencePort, SandboxNetwork network) {

  static final String HOST = "localhost";

  /** All three on {@code localhost} over HTTP. */
  public SandboxTopology(int crowdPort, int jiraPort, int confluencePort) {
    this(crowdPort, jiraPort, confluencePort, SandboxNetwork.localhost());
  }

  public String scheme() {
    return network.https() ? "https" : "http";
  }

  /** {@code localhost}, or {@code crowd.<domain>} / {@code jira.<domain>} / ... */
  public String host(Product product) {
    return network.domain().map(domain -> label(product) + "." + domain).orElse(HOST);
  }

  /** The loopback address the server binds: its own one per host name under a domain. */
  public String bindAddress(Product product) {
    if (network.domain().isEmpty()) {
      return "127.0.0.1";
    }
    return switch (product) {
      case SERVICE -> "127.0.0.1";
      case JIRA -> "127.0.0.2";
      case CONFLUENCE -> "127.0.0.3";
    };
  }

  /** The SSO cookie domain: {@code .<domain>}, or none (host-only cookies on localhost). */
  public Optional<String> cookieDomain() {
    return network.domain().map(domain -> "." + domain);
  }

  public String crowdBaseUrl() {
    return scheme() + "://" + host(Product.SERVICE) + ":" + crowdPort + "/crowd";
  }

  /** Where the 2FA service is mounted, exactly as inside real Crowd. */
  public String serviceBaseUrl() {
    return crowdBaseUrl() + "/plugins/servlet/2fa";
  }

  public String clockUrl() {
    return crowdBaseUrl() + ClockControlServlet.PATH;
  }

  public String productBaseUrl(Product product) {
    return switch (product) {
      case SERVICE -> crowdBaseUrl();
      case JIRA -> origin(product, jiraPort) + product.contextPath();
      case CONFLUENCE -> origin(product, confluencePort) + product.contextPath();
    };
  }

  /** {@code scheme://host:port} of the 2FA service: the WebAuthn origin. */
  public String serviceOrigin() {
    return origin(Product.SERVICE, crowdPort);
  }

  private String origin(Product product, int port) {
    return scheme() + "://" + host(product) + ":" + port;
  }

  private static String label(Product product) {
    return switch (product) {
      case SERVICE -> "crowd";
      case JIRA -> "jira";
      case CONFLUENCE -> "confluence";
    };
  }
}
