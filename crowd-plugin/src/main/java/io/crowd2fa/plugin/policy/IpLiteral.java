package io.crowd2fa.plugin.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IPv4 and IPv6 address literals. Anything that is not a literal is refused before it
 * reaches {@link InetAddress#getByName}, so no string from a request or a policy document can ever
 * trigger a DNS lookup.
 */
public final class IpLiteral {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiteral() {}

  /** The address, or empty when {@code text} is not a plain IPv4 or IPv6 literal. */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    boolean ipv4 = IPV4.matcher(text).matches();
    boolean ipv6 = text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    if (!ipv4 && !ipv6) {
      return Optional.empty();
    }
    try {
      // Safe: a dotted quad or a string containing ':' is parsed as a literal, never resolved.
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException malformedIpv6) {
      return Optional.empty();
    }
  }
}
