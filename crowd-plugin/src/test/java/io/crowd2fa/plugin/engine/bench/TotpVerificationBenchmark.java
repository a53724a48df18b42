package io.crowd2fa.plugin.engine.bench;

import io.crowd2fa.plugin.engine.EnrolmentResult;
import io.crowd2fa.plugin.engine.VerificationResult;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.totp.TotpCodes;
import io.crowd2fa.plugin.totp.TotpEnrolment;
import io.crowd2fa.plugin.totp.TotpParameters;
import java.time.Instant;
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
 * A full TOTP verification through {@code TwoFactorEngine.verifyTotp}: lockout row lock and count,
 * secret unsealing, window check, conditional step update, lockout reset, audit insert, commit.
 * Eight callers, each its own user (one user's attempts are serialised by design).
 *
 * <p>Run: see {@code crowd-plugin/README} section "Benchmarks" or the ENGINE-CORE report.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@State(Scope.Benchmark)
public class TotpVerificationBenchmark {

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

  /** One caller: its own user, device and time. */
  @State(Scope.Thread)
  public static class Caller {
    String username;
    TotpEnrolment device;
    Instant now;
    final TotpCodes codes = new TotpCodes(TotpParameters.RFC_6238_DEFAULT);

    @Setup(Level.Trial)
    public void enrol(TotpVerificationBenchmark benchmark) {
      username = "bench-" + benchmark.users.incrementAndGet();
      now = Instant.ofEpochSecond(56_666_667L * 30 + 10);
      benchmark.bench.clock.set(now);
      device = benchmark.bench.engine.startTotpEnrolment(username, "bench", BenchEngine.CONTEXT);
      EnrolmentResult result =
          benchmark.bench.engine.finishTotpEnrolment(
              username, device.credentialId(), code(), BenchEngine.CONTEXT);
      if (!(result instanceof EnrolmentResult.Enrolled)) {
        throw new IllegalStateException("bench enrolment failed: " + result);
      }
    }

    String nextCode(ThreadTimeClock clock) {
      now = now.plusSeconds(30);
      clock.set(now);
      return code();
    }

    private String code() {
      return codes.generate(device.base32Secret(), now.getEpochSecond() / 30);
    }
  }

  @Benchmark
  public VerificationResult verifyTotp(Caller caller) {
    String code = caller.nextCode(bench.clock);
    VerificationResult result = bench.engine.verifyTotp(caller.username, code, BenchEngine.CONTEXT);
    if (!(result instanceof VerificationResult.Accepted)) {
      throw new IllegalStateException("benchmark measured a non-success: " + result);
    }
    return result;
  }
}
