package io.crowd2fa.sandbox.launcher;

import java.util.Map;
import java.util.Optional;

/**
 * How the sandbox's three servers are reached. Default: all on {@code localhost} over HTTP. With
 * {@code domain} each has its own loopback host name under it ({@code crowd.<domain>} on 127.0.0.1,
 * {@code jira.<domain>} on 127.0.0.2, {@code confluence.<domain>} on 127.0.0.3) and the SSO cookies
 * are set on {@code .<domain>}, as in an estate where Crowd, Jira and Confluence share a parent
 * domain; with {@code https} every server speaks HTTPS with a certificate from a test CA made at
 * start.
 */
public record SandboxNetwork(boolean https, Optional<String> domain) {

  public static final String HTTPS = SandboxSettings.PREFIX + "https";
  public static final String DOMAIN = SandboxSettings.PREFIX + "domain";

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

  public SandboxNetwork {
    domain = domain.map(d -> d.trim().toLowerCase(java.util.Locale.ROOT));
    domain.ifPresent(SandboxNetwork::requireDomainName);
  }

  /** {@code localhost} over HTTP: the default sandbox. */
  public static SandboxNetwork localhost() {
    return new SandboxNetwork(false, Optional.empty());
  }

  static SandboxNetwork from(Map<String, String> values) {
    String https = values.getOrDefault(HTTPS, "false").trim();
    if (!https.equals("true") && !https.equals("false")) {
      throw new SandboxLaunchException(HTTPS + " must be true or false, was '" + https + "'");
    }
    return new SandboxNetwork(
        Boolean.parseBoolean(https),
        Optional.ofNullable(values.get(DOMAIN)).filter(d -> !d.isBlank()));
  }

  private static void requireDomainName(String domain) {
    if (!domain.matches(LABEL + "(?:\\." + LABEL + ")+")) {
      throw new SandboxLaunchException(
          DOMAIN
              + " must be a domain name of two or more labels, e.g. sandbox.test; was '"
              + domain
              + "'");
    }
  }
}
