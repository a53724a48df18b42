package io.crowd2fa.seraph.sso;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javax.servlet.ServletContext;

/**
 * The system clock, or the sandbox's clock when the web app's context carries one under {@code
 * io.crowd2fa.clock} (PLAN contract). Seraph's {@code init} gets no servlet context, so the clock
 * is adopted once, from the first request.
 */
final class ContextClock extends Clock {

  static final String ATTRIBUTE = "io.crowd2fa.clock";

  private volatile Clock delegate;
  private volatile boolean adopted;

  ContextClock(Clock fallback) {
    this.delegate = fallback;
  }

  void adoptFrom(ServletContext context) {
    if (adopted) {
      return;
    }
    if (context != null && context.getAttribute(ATTRIBUTE) instanceof Clock sandboxClock) {
      delegate = sandboxClock;
    }
    adopted = true;
  }

  @Override
  public ZoneId getZone() {
    return delegate.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return delegate.withZone(zone);
  }

  @Override
  public Instant instant() {
    return delegate.instant();
  }

  @Override
  public long millis() {
    return delegate.millis();
  }
}
