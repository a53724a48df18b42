package com.atlassian.seraph;

/**
 * Seraph 4.1.4 type referenced by {@link com.atlassian.seraph.config.SecurityConfig#getServices()}.
 *
 * <p>Its members are not in the researched reference, so this declaration is deliberately empty:
 * nothing in Crowd2FA calls or implements a security service.
 */
public interface SecurityService {}
