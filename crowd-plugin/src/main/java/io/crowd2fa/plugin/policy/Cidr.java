package io.crowd2fa.plugin.policy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** A network in CIDR notation (IPv4 or IPv6); a bare address is a /32 or /128. */
public record Cidr(InetAddress network, int prefixLength) {

  public Cidr {
    if (network == null) {
      throw new IllegalArgumentException("network is required");
    }
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length must be 0.." + bits);
    }
    if (!hostBitsZero(network.getAddress(), prefixLength)) {
      throw new IllegalArgumentException("host bits must be zero");
    }
  }

  /** Parses {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a bare literal; never resolves names. */
  public static Optional<Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    Optional<InetAddress> address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().getAddress().length * 8;
    Optional<Integer> prefix = slash < 0 ? Optional.of(bits) : prefixOf(text.substring(slash + 1));
    if (prefix.isEmpty()
        || prefix.get() > bits
        || !hostBitsZero(address.get().getAddress(), prefix.get())) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(address.get(), prefix.get()));
  }

  public boolean contains(InetAddress address) {
    byte[] net = network.getAddress();
    byte[] candidate = address.getAddress();
    if (net.length != candidate.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    if (!Arrays.equals(net, 0, fullBytes, candidate, 0, fullBytes)) {
      return false;
    }
    int remaining = prefixLength % 8;
    if (remaining == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remaining)) & 0xFF;
    return (net[fullBytes] & mask) == (candidate[fullBytes] & mask);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }

  private static Optional<Integer> prefixOf(String digits) {
    if (!digits.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }

  private static boolean hostBitsZero(byte[] address, int prefixLength) {
    for (int bit = prefixLength; bit < address.length * 8; bit++) {
      if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }
}
