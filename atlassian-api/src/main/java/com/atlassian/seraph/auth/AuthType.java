package com.atlassian.seraph.auth;

import com.atlassian.seraph.config.SecurityConfig;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;

/** Seraph 4.1.4: the authentication a request asks for ({@code os_authType=basic} and so on). */
public enum AuthType {
  NONE,
  COOKIE,
  BASIC,
  ANY;

  public static final String DEFAULT_ATTRIBUTE = "os_authTypeDefault";

  /**
   * The request parameter named by {@link SecurityConfig#getAuthType()}, else the request attribute
   * {@link #DEFAULT_ATTRIBUTE}; an absent or unknown value is {@link #NONE}.
   */
  public static AuthType getAuthTypeInformation(HttpServletRequest request, SecurityConfig config) {
    String requested = request.getParameter(config.getAuthType());
    if (requested == null) {
      requested = (String) request.getAttribute(DEFAULT_ATTRIBUTE);
    }
    if (requested == null) {
      return NONE;
    }
    try {
      return valueOf(requested.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return NONE;
    }
  }
}
