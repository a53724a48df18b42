package com.atlassian.seraph.config;

import com.atlassian.seraph.Initable;
import javax.servlet.http.HttpServletRequest;

/**
 * Seraph 4.1.4. The real package is {@code com.atlassian.seraph.config}; there is no {@code
 * com.atlassian.seraph.auth.RedirectPolicy} (seraph-signatures.txt).
 */
public interface RedirectPolicy extends Initable {
  boolean allowedRedirectDestination(String redirectUrl, HttpServletRequest request);
}
