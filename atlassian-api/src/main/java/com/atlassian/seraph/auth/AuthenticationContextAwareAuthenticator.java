package com.atlassian.seraph.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Seraph 4.1.4 marker: when the configured authenticator's class carries it, the login filter takes
 * {@code request.getUserPrincipal()} from the {@link AuthenticationContext} instead of calling the
 * authenticator again. Not {@code @Inherited}: a subclass must carry it itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface AuthenticationContextAwareAuthenticator {}
