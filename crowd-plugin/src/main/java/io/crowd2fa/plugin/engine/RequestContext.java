package io.crowd2fa.plugin.engine;

/**
 * Who is asking, for the audit log.
 *
 * @param clientAddress the client's IP address as the web layer determined it
 * @param userAgent the client's User-Agent header, or {@code null}
 */
public record RequestContext(String clientAddress, String userAgent) {

  public static RequestContext system() {
    return new RequestContext(null, "crowd2fa-system");
  }
}
