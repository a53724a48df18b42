package com.atlassian.seraph.auth;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Seraph 4.1.4: the outcome of authentication for this request, recorded once as a request
 * attribute and an {@code X-Seraph-LoginReason} response header. The first stamp wins.
 */
public enum LoginReason {
  AUTHENTICATION_DENIED,
  AUTHENTICATED_FAILED,
  AUTHORISATION_FAILED,
  OUT,
  OK;

  public static final String X_SERAPH_LOGIN_REASON = "X-Seraph-LoginReason";

  // Not a compile-time constant in the real class; callers must not get the value inlined.
  public static final String REQUEST_ATTR_NAME = LoginReason.class.getName();

  public LoginReason stampRequestResponse(
      HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(REQUEST_ATTR_NAME) == null) {
      request.setAttribute(REQUEST_ATTR_NAME, this);
      if (response != null) {
        response.addHeader(X_SERAPH_LOGIN_REASON, toString());
      }
    }
    return this;
  }

  public boolean isStamped(HttpServletRequest request) {
    return request.getAttribute(REQUEST_ATTR_NAME) == this;
  }
}
