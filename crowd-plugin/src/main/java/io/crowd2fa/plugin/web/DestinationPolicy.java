package io.crowd2fa.plugin.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides where a user may be sent after login or logout (DESIGN invariant 6): only under one of
 * the configured product base URLs. Anything else, including every open-redirect trick the parser
 * might read differently from a browser, is refused so the caller falls back to the landing page.
 */
public final class DestinationPolicy {

  /** Longer destinations are refused outright. */
  public static final int MAX_LENGTH = 2048;

  // Characters a browser treats differently from java.net.URI (backslash as slash, whitespace and
  // controls stripped), and encoded separators or dots that could re-form a path after decoding.
  private static final Pattern AMBIGUOUS =
      Pattern.compile("[\\\\\\s\\p{Cntrl}]|%(?:2[fFeE]|5[cC]|0[0-9a-fA-F]|1[0-9a-fA-F]|25|40)");

  private final List<Base> bases;

  public DestinationPolicy(List<URI> allowedBaseUrls) {
    this.bases = allowedBaseUrls.stream().map(Base::of).toList();
  }

  /** The normalised destination when it is allowed, else empty. */
  public Optional<URI> allowed(String rawDestination) {
    if (rawDestination == null
        || rawDestination.isEmpty()
        || rawDestination.length() > MAX_LENGTH
        || !isPrintableAscii(rawDestination)
        || AMBIGUOUS.matcher(rawDestination).find()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(rawDestination);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (uri.isOpaque()
        || uri.getScheme() == null
        || uri.getRawAuthority() == null
        || uri.getRawUserInfo() != null
        || uri.getHost() == null) {
      return Optional.empty();
    }
    URI normalized = uri.normalize();
    String path = normalized.getRawPath() == null ? "" : normalized.getRawPath();
    if (path.startsWith("/..") || path.contains("/../")) {
      return Optional.empty();
    }
    return bases.stream().anyMatch(base -> base.contains(normalized))
        ? Optional.of(normalized)
        : Optional.empty();
  }

  private static boolean isPrintableAscii(String value) {
    return value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private record Base(String scheme, String host, int port, String path) {

    static Base of(URI url) {
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return new Base(
          url.getScheme().toLowerCase(Locale.ROOT),
          url.getHost().toLowerCase(Locale.ROOT),
          effectivePort(url),
          path);
    }

    boolean contains(URI candidate) {
      String candidatePath = candidate.getRawPath() == null ? "" : candidate.getRawPath();
      boolean underPath =
          path.isEmpty() || candidatePath.equals(path) || candidatePath.startsWith(path + "/");
      return scheme.equals(candidate.getScheme().toLowerCase(Locale.ROOT))
          && host.equals(candidate.getHost().toLowerCase(Locale.ROOT))
          && port == effectivePort(candidate)
          && underPath;
    }

    private static int effectivePort(URI url) {
      if (url.getPort() != -1) {
        return url.getPort();
      }
      return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
  }
}
