package io.crowd2fa.model.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionBindingTest {

  @Test
  void ofWhenKnownTokenThenBase64UrlSha256WithoutPadding() {
    // SHA-256("abc") = ba7816bf...; base64url without padding.
    assertThat(SessionBinding.of("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  }

  @Test
  void matchesWhenOtherTokenThenFalse() {
    String sid = SessionBinding.of("token-a");
    assertThat(SessionBinding.matches(sid, "token-a")).isTrue();
    assertThat(SessionBinding.matches(sid, "token-b")).isFalse();
    assertThat(SessionBinding.matches(sid, "")).isFalse();
    assertThat(SessionBinding.matches(null, "token-a")).isFalse();
  }

  @Test
  void ofWhenEmptyThenRejected() {
    assertThatThrownBy(() -> SessionBinding.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
