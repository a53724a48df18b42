package io.crowd2fa.crowd;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts a browser sends a cookie to (RFC 6265 §5.1.3 domain-match): the SSO cookie and the
 * assertion are set by the 2FA service and must reach every product, so the domain they are set on
 * has to cover the service's host and each product's. No domain (or Crowd's {@code localhost},
 * which Crowd's own cookie helper leaves out) means host-only: then every product must share the
 * service's host.
 */
public final class CookieDomain {

  private CookieDomain() {}

  /**
   * What is wrong with {@code domain} for {@code service} and {@code products}, one sentence per
   * host that would not get the cookie; empty when it covers them all.
   */
  public static List<String> problems(Optional<String> domain, URI service, List<URI> products) {
    Optional<String> effective =
        domain
            .map(d -> d.trim().toLowerCase(Locale.ROOT))
            .map(d -> d.startsWith(".") ? d.substring(1) : d)
            .filter(d -> !d.isEmpty() && !d.equals("localhost"));
    String serviceHost = host(service);
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(service), products.stream())
        .filter(url -> !reaches(effective, serviceHost, host(url)))
        .map(url -> problem(domain, effective, url))
        .toList();
  }

  /**
   * The domain as a servlet {@code Cookie.setDomain} takes it: without the leading dot (Tomcat's
   * RFC 6265 cookie processor refuses one) and none for {@code localhost}, as Crowd's own cookie
   * helper writes it.
   */
  public static Optional<String> forServletCookie(Optional<String> domain) {
    return domain
        .map(String::trim)
        .map(d -> d.startsWith(".") ? d.substring(1) : d)
        .filter(d -> !d.isEmpty() && !d.equalsIgnoreCase("localhost"));
  }

  private static boolean reaches(Optional<String> domain, String serviceHost, String host) {
    if (domain.isEmpty()) {
      return host.equals(serviceHost);
    }
    String name = domain.get();
    boolean ipAddress = host.matches("[0-9.]+") || host.contains(":");
    return host.equals(name) || (!ipAddress && host.endsWith("." + name));
  }

  private static String problem(Optional<String> domain, Optional<String> effective, URI url) {
    return effective.isPresent()
        ? "cookie domain '"
            + domain.orElseThrow()
            + "' does not cover "
            + url
            + ": the browser would not send it the SSO cookie and the 2FA assertion"
        : "cookies are host-only (no cookie domain), so "
            + url
            + " on another host than the 2FA service would never receive them: set a cookie"
            + " domain that covers every host";
  }

  private static String host(URI url) {
    return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
  }
}
