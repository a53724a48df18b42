package io.crowd2fa.seraph.core;

import java.net.URI;

/** A GET of a small JSON document from the 2FA service; a port so tests need no network. */
@FunctionalInterface
public interface HttpFetcher {

  /**
   * The body of a 200 response.
   *
   * @throws SeraphAuthenticatorException on any transport failure or non-200 status
   */
  String get(URI uri);
}
