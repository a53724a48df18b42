package com.atlassian.seraph.controller;

/**
 * Seraph 4.1.4 type referenced by {@link
 * com.atlassian.seraph.config.SecurityConfig#getController()}.
 *
 * <p>Only the member {@code SecurityFilter} is known to call is declared (atlassian-api.md §2.5);
 * the real interface may have more.
 */
public interface SecurityController {
  boolean isSecurityEnabled();
}
