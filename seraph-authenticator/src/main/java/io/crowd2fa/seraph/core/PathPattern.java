package io.crowd2fa.seraph.core;

import java.util.Locale;

/**
 * A Seraph-style path pattern where {@code *} matches any run of characters, slashes included.
 * Matching is case-insensitive on purpose: a freshness rule is a restriction, so applying it to
 * {@code /Secure/Admin} too is the safe side. It is matched against the container-normalised
 * servlet path plus path info, never the raw request URI, and without concatenating them so the
 * per-request fast path allocates nothing.
 */
public record PathPattern(String pattern) {

  public PathPattern {
    if (pattern == null || !pattern.startsWith("/")) {
      throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
    }
    pattern = pattern.toLowerCase(Locale.ROOT);
  }

  /** True if {@code servletPath + pathInfo} matches; {@code pathInfo} may be null. */
  public boolean matches(String servletPath, String pathInfo) {
    String head = servletPath == null ? "" : servletPath;
    String tail = pathInfo == null ? "" : pathInfo;
    return glob(0, head, tail, 0);
  }

  private boolean glob(int p, String head, String tail, int s) {
    int length = head.length() + tail.length();
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        if (p == pattern.length() - 1) {
          return true;
        }
        for (int i = s; i <= length; i++) {
          if (glob(p + 1, head, tail, i)) {
            return true;
          }
        }
        return false;
      }
      if (s >= length || Character.toLowerCase(charAt(head, tail, s)) != c) {
        return false;
      }
      p++;
      s++;
    }
    return s == length;
  }

  private static char charAt(String head, String tail, int index) {
    return index < head.length() ? head.charAt(index) : tail.charAt(index - head.length());
  }
}
