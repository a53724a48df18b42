package io.crowd2fa.seraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.seraph.testing.FakeFetcher;
import io.crowd2fa.seraph.testing.MutableClock;
import io.crowd2fa.seraph.testing.TestSettings;
import io.crowd2fa.seraph.testing.TokenMint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JwksKeySourceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final FakeFetcher service = new FakeFetcher();
  private final TokenMint current = new TokenMint("2026-11");
  private final TokenMint next = new TokenMint("2026-12");
  private final JwksKeySource keys =
      new JwksKeySource(
          URI.create(TestSettings.SERVICE + TestSettings.JWKS_PATH),
          service,
          clock,
          Duration.ofSeconds(30),
          Duration.ofMinutes(10));

  @Test
  void keyForWhenKidRotatedInThenJwksRefetchedAndNewKeyFound() {
    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current));
    assertThat(keys.keyFor("2026-11")).isPresent();

    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current, next));
    clock.advance(Duration.ofSeconds(31));

    assertThat(keys.keyFor("2026-12")).isPresent();
    assertThat(service.count(TestSettings.JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void keyForWhenManyForgedKidsThenAtMostOneFetchPerMinRefresh() {
    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current));

    for (int i = 0; i < 500; i++) {
      assertThat(keys.keyFor("forged-" + i)).isEmpty();
    }
    assertThat(service.count(TestSettings.JWKS_PATH)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    keys.keyFor("forged-again");
    assertThat(service.count(TestSettings.JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void keyForWhenKnownKidThenServedFromCacheWithoutFetch() {
    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current));
    keys.keyFor("2026-11");

    for (int i = 0; i < 100; i++) {
      assertThat(keys.keyFor("2026-11")).isPresent();
    }
    assertThat(service.count(TestSettings.JWKS_PATH)).isEqualTo(1);
  }

  @Test
  void keyForWhenKeyWithdrawnThenUntrustedAfterMaxAge() {
    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current));
    assertThat(keys.keyFor("2026-11")).isPresent();

    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(next));
    clock.advance(Duration.ofMinutes(10));

    assertThat(keys.keyFor("2026-11")).isEmpty();
  }

  @Test
  void keyForWhenServiceDownAfterFirstFetchThenCachedKeysStillServe() {
    service.serve(TestSettings.JWKS_PATH, TokenMint.jwks(current));
    keys.keyFor("2026-11");
    service.down = true;
    clock.advance(Duration.ofMinutes(11));

    assertThat(keys.keyFor("2026-11")).isPresent();
  }

  @Test
  void keyForWhenServiceNeverReachedThenNoKey() {
    service.down = true;

    assertThat(keys.keyFor("2026-11")).isEmpty();
  }
}
