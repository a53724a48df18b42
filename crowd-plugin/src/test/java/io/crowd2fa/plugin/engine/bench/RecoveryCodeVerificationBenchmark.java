package io.crowd2fa.plugin.engine.bench;

import io.crowd2fa.plugin.engine.VerificationResult;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A full recovery-code verification through {@code TwoFactorEngine.verifyRecoveryCode}: lockout
 * count, lookup by identifier, one HMAC-SHA-256, conditional consume, remaining count, audit,
 * commit. A new set is issued (outside the measurement) when a caller has used all ten.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@State(Scope.Benchmark)
public class RecoveryCodeVerificationBenchmark {

  @Param({"H2", "POSTGRESQL"})
  public DatabaseVendor vendor;

  BenchEngine bench;
  final AtomicInteger users = new AtomicInteger();

  @Setup(Level.Trial)
  public void open() {
    bench = new BenchEngine(vendor, 10);
  }

  @TearDown(Level.Trial)
  public void close() {
    bench.close();
  }

  /** One caller with the unused codes of its current user. */
  @State(Scope.Thread)
  public static class Caller {
    String username;
    final Deque<String> codes = new ArrayDeque<>();

    // Per-invocation setup is fine here: one operation takes milliseconds, far above JMH's
    // timestamp overhead, and the refill (a regeneration) stays out of the measured time.
    @Setup(Level.Invocation)
    public void refill(RecoveryCodeVerificationBenchmark benchmark) {
      if (codes.isEmpty()) {
        username = "bench-rc-" + benchmark.users.incrementAndGet();
        codes.addAll(
            benchmark.bench.engine.regenerateRecoveryCodes(username, BenchEngine.CONTEXT).codes());
      }
    }
  }

  @Benchmark
  public VerificationResult verifyRecoveryCode(Caller caller) {
    VerificationResult result =
        bench.engine.verifyRecoveryCode(caller.username, caller.codes.pop(), BenchEngine.CONTEXT);
    if (!(result instanceof VerificationResult.Accepted)) {
      throw new IllegalStateException("benchmark measured a non-success: " + result);
    }
    return result;
  }
}
