package io.crowd2fa.it.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class's sandbox on distinct host names under {@link #domain()} (cookie domain
 * {@code .<domain>}) and, with {@link #https()}, over HTTPS. The test JVM must resolve the names:
 * the it-tests POM runs such classes with {@code -Djdk.net.hosts.file=sandbox/sandbox.hosts}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AcrossHosts {
  String domain() default "sandbox.test";

  boolean https() default true;
}
