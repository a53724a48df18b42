package io.crowd2fa.seraph.testing;

import com.atlassian.seraph.config.SecurityConfigFactory;
import io.crowd2fa.sandbox.product.HarnessSecurityConfig;
import io.crowd2fa.sandbox.product.ProductDirectory;
import io.crowd2fa.sandbox.product.RememberMeCookies;
import io.crowd2fa.sandbox.product.SampleProduct;
import io.crowd2fa.sandbox.product.SeraphConfigFile;
import io.crowd2fa.seraph.sso.TwoFactorSso;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One product authenticator under test with the harness's Seraph configuration, a 2FA service (keys
 * and policy), and Crowd, all in memory.
 */
public final class ProductFixture {

  public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  public final MutableClock clock = new MutableClock(NOW);
  public final TokenMint service = new TokenMint("k1");
  public final FakeFetcher endpoints = new FakeFetcher();
  public final FakeCrowd crowd = new FakeCrowd();
  public final RememberMeCookies rememberMe = new RememberMeCookies(new SecureRandom());
  public final HarnessSecurityConfig config;

  public ProductFixture(String authenticatorClass, Set<String> loginGroups) {
    config =
        new HarnessSecurityConfig(
            new SeraphConfigFile(Map.of(), authenticatorClass, Map.of()),
            new ProductDirectory(
                SampleProduct.demoUsers(), loginGroups, Set.of("crowd-administrators")),
            rememberMe);
    SecurityConfigFactory.setSecurityConfig(config);
    endpoints
        .serve(TestSettings.JWKS_PATH, TokenMint.jwks(service))
        .serve(TestSettings.POLICY_QUERY, TestSettings.policy());
  }

  public TwoFactorSso core() {
    return new TwoFactorSso(TestSettings.standard(), endpoints, crowd, clock);
  }

  /** A browser that signed in at the central login as {@code user}: Crowd token and assertion. */
  public FakeRequest signedInBrowser(String user, String token) {
    crowd.sessions.put(token, user);
    return new FakeRequest()
        .cookie("crowd.token_key", token)
        .cookie(
            "crowd2fa.assertion",
            service.sign(
                TokenMint.claims(user, token, NOW.minusSeconds(60), Duration.ofHours(12)).build()));
  }

  public static FakeRequest again(FakeRequest previous) {
    FakeRequest next = new FakeRequest();
    next.cookies = previous.cookies;
    next.session = previous.session;
    next.servletPath = previous.servletPath;
    return next;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }
}
