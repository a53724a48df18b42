package io.crowd2fa.sandbox.crowd;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds every REST request to the stand-in until released, so tests see a Crowd that accepts
 * connections but does not answer. Latch-controlled: nothing here depends on timing. Closing it
 * releases the held requests.
 */
public final class Stall implements AutoCloseable {

  /** A held request gives up after this long, so a forgotten stall never hangs a build. */
  static final Duration MAXIMUM_HOLD = Duration.ofSeconds(60);

  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch firstArrival = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();
  private final Runnable onRelease;

  Stall(Runnable onRelease) {
    this.onRelease = onRelease;
  }

  /** Called on a request thread: blocks until released. */
  void hold() throws InterruptedException {
    held.incrementAndGet();
    firstArrival.countDown();
    if (!released.await(MAXIMUM_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("stall was never released");
    }
  }

  /** Waits until at least one request is being held. */
  public boolean awaitHeldRequest(Duration timeout) throws InterruptedException {
    return firstArrival.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests have been held so far. */
  public int heldRequests() {
    return held.get();
  }

  /** Lets held and later requests through. */
  public void release() {
    onRelease.run();
    released.countDown();
  }

  @Override
  public void close() {
    release();
  }
}
