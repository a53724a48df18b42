package io.crowd2fa.plugin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "2001:db8::1",
        "::ffff:10.0.0.1"
      })
  void literalIsParsed(String literal) {
    assertThat(IpLiteral.parse(literal)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com",
        "10.0.0",
        "10.0.0.0.1",
        "256.0.0.1",
        "010.0.0.1",
        "0x7f.0.0.1",
        "2130706433",
        " 10.0.0.1",
        "[::1]",
        "fe80::1%eth0",
        "2001:db8:::1",
        "1:2:3:4:5:6:7:8:9"
      })
  void nonLiteralIsRefusedWithoutResolvingIt(String text) {
    assertThat(IpLiteral.parse(text)).isEmpty();
  }

  @Test
  void cidrMatchesOnlyItsOwnFamilyAndPrefix() {
    Cidr v4 = Cidr.parse("192.168.0.0/23").orElseThrow();
    Cidr v6 = Cidr.parse("2001:db8:8000::/33").orElseThrow();

    assertThat(v4.contains(IpLiteral.parse("192.168.1.255").orElseThrow())).isTrue();
    assertThat(v4.contains(IpLiteral.parse("192.168.2.0").orElseThrow())).isFalse();
    assertThat(v4.contains(IpLiteral.parse("::ffff:192.168.1.1").orElseThrow())).isTrue();
    assertThat(v4.contains(IpLiteral.parse("2001:db8::1").orElseThrow())).isFalse();
    assertThat(v6.contains(IpLiteral.parse("2001:db8:ffff::1").orElseThrow())).isTrue();
    assertThat(v6.contains(IpLiteral.parse("2001:db8:7fff::1").orElseThrow())).isFalse();
    assertThat(v6.contains(IpLiteral.parse("192.168.1.1").orElseThrow())).isFalse();
  }

  @Test
  void zeroPrefixMatchesWholeFamily() {
    Cidr all = Cidr.parse("0.0.0.0/0").orElseThrow();

    assertThat(all.contains(IpLiteral.parse("203.0.113.1").orElseThrow())).isTrue();
    assertThat(all.contains(IpLiteral.parse("::1").orElseThrow())).isFalse();
  }
}
