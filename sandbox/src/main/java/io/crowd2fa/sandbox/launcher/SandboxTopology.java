package io.crowd2fa.sandbox.launcher;

/** The URLs under which the three servers of the sandbox answer. */
public record SandboxTopology(int crowdPort, int jiraPort, int confluencePort) {

  static final String HOST = "localhost";

  public String crowdBaseUrl() {
    return "http://" + HOST + ":" + crowdPort + "/crowd";
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
      case JIRA -> "http://" + HOST + ":" + jiraPort + product.contextPath();
      case CONFLUENCE -> "http://" + HOST + ":" + confluencePort + product.contextPath();
    };
  }
}
