package io.crowd2fa.seraph.sso;

import io.crowd2fa.seraph.core.ApiClientSignal;
import java.util.Locale;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/** Tells API clients (which must get a 401, never an HTML redirect) from browsers. */
final class ApiClientDetector {

  private final Set<ApiClientSignal> signals;

  ApiClientDetector(Set<ApiClientSignal> signals) {
    this.signals = Set.copyOf(signals);
  }

  boolean isApiClient(HttpServletRequest request) {
    return (signals.contains(ApiClientSignal.AUTHORIZATION_HEADER)
            && request.getHeader("Authorization") != null)
        || (signals.contains(ApiClientSignal.X_REQUESTED_WITH)
            && request.getHeader("X-Requested-With") != null)
        || (signals.contains(ApiClientSignal.ACCEPT_JSON) && acceptsJsonNotHtml(request))
        || (signals.contains(ApiClientSignal.OS_AUTHTYPE_BASIC) && asksForBasic(request));
  }

  private static boolean acceptsJsonNotHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    String lower = accept.toLowerCase(Locale.ROOT);
    return lower.contains("application/json") && !lower.contains("text/html");
  }

  // Read from the query string, not getParameter: that would consume a form body on POST.
  private static boolean asksForBasic(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      if (pair.equalsIgnoreCase("os_authType=basic")) {
        return true;
      }
    }
    return false;
  }
}
