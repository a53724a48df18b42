package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.Authenticator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph's {@code SecurityFilter}: asks the configured authenticator for the user on every request,
 * puts it in the authentication context, and sends a request for a protected path without a
 * (suitably privileged) user to {@code login.url} with {@code ${originalurl}} filled in. A response
 * the authenticator already answered (an API client's 401, a step-up redirect) is left alone.
 */
final class SecurityFilter implements Filter {

  static final String ALREADY_FILTERED = "os_securityfilter_already_filtered";
  static final String ORIGINAL_URL = "atlassian.core.seraph.original.url";

  private final HarnessSecurityConfig config;
  private final ProtectedPaths paths;

  SecurityFilter(HarnessSecurityConfig config, ProtectedPaths paths) {
    this.config = config;
    this.paths = paths;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) resp;
    if (request.getAttribute(ALREADY_FILTERED) != null) {
      chain.doFilter(request, response);
      return;
    }
    request.setAttribute(ALREADY_FILTERED, Boolean.TRUE);
    String originalUrl = originalUrl(request);
    request.setAttribute(ORIGINAL_URL, originalUrl);
    Authenticator authenticator = config.getAuthenticator();
    try {
      Principal user = authenticator.getUser(request, response);
      config.getAuthenticationContext().setUser(user);
      if (response.isCommitted()) {
        return;
      }
      List<String> required = paths.requiredRoles(request);
      if (!required.isEmpty() && !hasAll(user, request, required)) {
        request.getSession().setAttribute(config.getOriginalURLKey(), originalUrl);
        response.sendRedirect(loginUrl(request, originalUrl));
        return;
      }
      chain.doFilter(request, response);
    } finally {
      config.getAuthenticationContext().clearUser();
    }
  }

  private boolean hasAll(Principal user, HttpServletRequest request, List<String> roles) {
    if (user == null) {
      return false;
    }
    for (String role : roles) {
      if (!config.getRoleMapper().hasRole(user, request, role)) {
        return false;
      }
    }
    return true;
  }

  /** Seraph's RedirectUtils.getLoginUrl: relative URLs are inside this web app. */
  private String loginUrl(HttpServletRequest request, String originalUrl) {
    String url =
        config
            .getLoginURL()
            .replace("${originalurl}", URLEncoder.encode(originalUrl, StandardCharsets.UTF_8));
    return url.contains("://") ? url : request.getContextPath() + url;
  }

  /** The absolute URL the browser asked for, so a central login can send it back here. */
  private static String originalUrl(HttpServletRequest request) {
    StringBuffer url = request.getRequestURL();
    if (request.getQueryString() != null) {
      url.append('?').append(request.getQueryString());
    }
    return url.toString();
  }
}
