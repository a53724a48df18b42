package io.crowd2fa.sandbox.crowd;

import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.crowd.ValidationFactors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load run (not a test): {@code POST /session/{token}} validations per second through the Crowd2FA
 * client against the stand-in on loopback, with concurrent callers each validating its own session,
 * as products do. Bounded in count and time; stops by itself.
 *
 * <pre>
 * ./mvnw -B -o -q -pl sandbox -am install -DskipTests
 * ./mvnw -B -o -q -pl sandbox dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=target/load.cp
 * java -cp sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/load.cp) \
 *   io.crowd2fa.sandbox.crowd.ValidationLoadRun [callers warm-up measured]
 * </pre>
 *
 * Arguments: callers (16), warm-up validations (5,000), measured validations (60,000).
 */
public final class ValidationLoadRun {

  private static final Duration TIME_LIMIT = Duration.ofSeconds(120);

  private ValidationLoadRun() {}

  public static void main(String[] args) throws Exception {
    int callers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int measured = args.length > 2 ? Integer.parseInt(args[2]) : 60_000;
    try (CrowdStandIn crowd = CrowdStandIn.builder().port(0).build().start()) {
      CrowdClient service = client(crowd, "crowd2fa", "crowd2fa-secret");
      CrowdClient jira = client(crowd, "jira", "jira-secret");
      List<ValidationFactors> factors = new ArrayList<>();
      List<SsoToken> tokens = new ArrayList<>();
      for (int caller = 0; caller < callers; caller++) {
        ValidationFactors own = ValidationFactors.fromRequest("127.0.0." + (caller + 1), null);
        factors.add(own);
        tokens.add(
            service
                .createSession(SessionRequest.withoutPassword("alice", own))
                .orElseThrow()
                .token());
      }
      run(jira, tokens, factors, warmUp);
      Result result = run(jira, tokens, factors, measured);
      System.out.printf(
          Locale.ROOT,
          "ValidationLoadRun: callers=%d validations=%d failures=%d seconds=%.2f"
              + " validations/s=%.0f p50=%.2fms p99=%.2fms cpus=%d%n",
          callers,
          result.completed(),
          result.failures(),
          result.seconds(),
          result.completed() / result.seconds(),
          result.percentileMillis(0.50),
          result.percentileMillis(0.99),
          Runtime.getRuntime().availableProcessors());
    }
  }

  private static CrowdClient client(CrowdStandIn crowd, String app, String password) {
    return CrowdClient.create(
        CrowdClientConfig.of(crowd.baseUrl(), app, new Password(password))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)));
  }

  private record Result(int completed, int failures, double seconds, long[] latenciesNanos) {
    double percentileMillis(double percentile) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(latenciesNanos.length - 1, latenciesNanos.length * percentile);
      return latenciesNanos[index] / 1_000_000.0;
    }
  }

  private static Result run(
      CrowdClient jira, List<SsoToken> tokens, List<ValidationFactors> factors, int total)
      throws Exception {
    int callers = tokens.size();
    int perCaller = Math.max(1, total / callers);
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int caller = 0; caller < callers; caller++) {
      SsoToken token = tokens.get(caller);
      ValidationFactors own = factors.get(caller);
      futures.add(
          pool.submit(
              () -> {
                start.await();
                long[] latencies = new long[perCaller];
                int done = 0;
                while (done < perCaller && System.nanoTime() < deadline) {
                  long began = System.nanoTime();
                  boolean ok = jira.validateSession(token, own).isOk();
                  latencies[done++] = ok ? System.nanoTime() - began : -1;
                }
                return Arrays.copyOf(latencies, done);
              }));
    }
    long began = System.nanoTime();
    start.countDown();
    List<long[]> all = new ArrayList<>();
    try {
      for (Future<long[]> future : futures) {
        all.add(future.get(TIME_LIMIT.toSeconds() + 30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
    long failures = Arrays.stream(merged).filter(latency -> latency < 0).count();
    long[] ok = Arrays.stream(merged).filter(latency -> latency >= 0).sorted().toArray();
    return new Result(ok.length, (int) failures, seconds, ok);
  }
}
