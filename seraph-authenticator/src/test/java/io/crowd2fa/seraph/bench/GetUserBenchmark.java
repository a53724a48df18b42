package io.crowd2fa.seraph.bench;

import com.atlassian.jira.security.login.JiraSeraphAuthenticator;
import io.crowd2fa.crowd.InProcessCrowd;
import io.crowd2fa.seraph.jira.JiraTwoFactorAuthenticator;
import io.crowd2fa.seraph.sso.TwoFactorSso;
import io.crowd2fa.seraph.testing.FakeRequest;
import io.crowd2fa.seraph.testing.FakeResponse;
import io.crowd2fa.seraph.testing.ProductFixture;
import io.crowd2fa.seraph.testing.TestSettings;
import io.crowd2fa.seraph.testing.TokenMint;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request cost in a product (DESIGN D4). {@code baselineSessionLookup}: Jira's own
 * authenticator (the harness's {@code DefaultAuthenticator} subclass) finding the user in the HTTP
 * session. {@code fastPath}: the Crowd2FA authenticator on the same session plus its record, the
 * token cookie and the assertion cookie. {@code validationPath}: a request without a validated
 * session: assertion verification (ES256, JDK), freshness, building the Crowd validate request and
 * parsing Crowd's reply in process (no network), then the product session. Not a test: run as
 * documented in the module README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GetUserBenchmark {

  private JiraSeraphAuthenticator baseline;
  private JiraTwoFactorAuthenticator twoFactor;
  private FakeRequest baselineRequest;
  private FakeRequest twoFactorRequest;
  private FakeResponse response;
  private String token;
  private String assertion;
  private io.crowd2fa.seraph.core.AssertionVerifier verifier;
  private io.crowd2fa.seraph.core.AssertionVerifier rememberingVerifier;
  private String[] unseenAssertions;
  private int nextUnseen;

  @Setup
  public void setUp() throws Exception {
    ProductFixture fixture =
        new ProductFixture(JiraSeraphAuthenticator.class.getName(), Set.of("jira-software-users"));
    response = new FakeResponse();

    baseline = new JiraSeraphAuthenticator();
    baseline.init(Map.of(), fixture.config);
    baselineRequest = new FakeRequest();
    if (!baseline.login(baselineRequest, response, "alice", "alice123", false)) {
      throw new IllegalStateException("baseline login failed");
    }

    twoFactor = new JiraTwoFactorAuthenticator();
    twoFactor.init(Map.of(), fixture.config);
    twoFactor.useCore(
        new TwoFactorSso(
            TestSettings.standard(),
            fixture.endpoints,
            new InProcessCrowd("alice"),
            Clock.systemUTC()));
    token = "bench-token-0123456789abcdef";
    assertion =
        fixture.service.sign(
            TokenMint.claims("alice", token, Instant.now(), Duration.ofHours(12)).build());
    verifier =
        new io.crowd2fa.seraph.core.AssertionVerifier(
            io.crowd2fa.seraph.core.KeySource.pinned(fixture.service.publicKeyPem()),
            TokenMint.ISSUER,
            Clock.systemUTC(),
            Duration.ofSeconds(60),
            0);
    rememberingVerifier =
        new io.crowd2fa.seraph.core.AssertionVerifier(
            io.crowd2fa.seraph.core.KeySource.pinned(fixture.service.publicKeyPem()),
            TokenMint.ISSUER,
            Clock.systemUTC(),
            Duration.ofSeconds(60));
    // More distinct assertions than the core remembers, cycled: every validation sees one it has
    // not verified recently, as after a login or at the first request of a new product node.
    unseenAssertions =
        new String[io.crowd2fa.seraph.core.AssertionVerifier.DEFAULT_REMEMBERED + 904];
    Instant issued = Instant.now();
    for (int i = 0; i < unseenAssertions.length; i++) {
      unseenAssertions[i] =
          fixture.service.sign(
              TokenMint.claims("alice", token, issued.plusMillis(i), Duration.ofHours(12)).build());
    }
    twoFactorRequest = browser();
    if (twoFactor.getUser(twoFactorRequest, response) == null) {
      throw new IllegalStateException("two-factor sign-in failed");
    }
  }

  private FakeRequest browser() {
    return new FakeRequest()
        .cookie("crowd.token_key", token)
        .cookie("crowd2fa.assertion", assertion);
  }

  @Benchmark
  public Principal baselineSessionLookup() {
    return baseline.getUser(baselineRequest, response);
  }

  @Benchmark
  public Principal fastPath() {
    return twoFactor.getUser(twoFactorRequest, response);
  }

  /** Verifying an assertion not seen before: the ES256 verify (JDK SunEC) is most of it. */
  @Benchmark
  public Object assertionVerification() {
    return verifier.verify(assertion, token);
  }

  /** Verifying an assertion verified before: claims only, no signature check. */
  @Benchmark
  public Object assertionReverification() {
    return rememberingVerifier.verify(assertion, token);
  }

  /** A new HTTP session with an assertion this node verified before (every validation interval). */
  @Benchmark
  public Principal validationPath() {
    return twoFactor.getUser(browser(), response);
  }

  /** A new HTTP session with an assertion this node has not verified recently. */
  @Benchmark
  public Principal validationPathFirstSight() {
    String unseen = unseenAssertions[nextUnseen];
    nextUnseen = (nextUnseen + 1) % unseenAssertions.length;
    return twoFactor.getUser(
        new FakeRequest().cookie("crowd.token_key", token).cookie("crowd2fa.assertion", unseen),
        response);
  }
}
