package io.crowd2fa.plugin.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletResponse;

/**
 * Headers every page of the service carries: nothing cached, no framing, no inline script. The
 * product origins are in {@code form-action} because browsers apply it to the redirect that follows
 * a form post.
 */
public final class SecurityHeaders {

  private final String contentSecurityPolicy;

  public SecurityHeaders(List<URI> productBaseUrls) {
    Set<String> origins = new LinkedHashSet<>();
    for (URI url : productBaseUrls) {
      origins.add(url.getScheme() + "://" + url.getRawAuthority());
    }
    this.contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self' "
            + String.join(" ", origins)
            + "; frame-ancestors 'none'; base-uri 'none'";
  }

  public String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  public void apply(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
  }
}
