package io.crowd2fa.plugin.engine;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Queues one user's verifications inside this node before they reach the database. Correctness does
 * not depend on it (the lockout row lock in the database serialises attempts across nodes); it only
 * keeps a burst of parallel guesses from piling up as database lock waits, which H2 in particular
 * serves slowly.
 */
final class UserLocks {

  private static final int STRIPES = 256;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  UserLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock(true);
    }
  }

  <T> T withLock(String username, Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(username.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
