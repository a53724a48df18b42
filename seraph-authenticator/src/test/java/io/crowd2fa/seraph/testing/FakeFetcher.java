package io.crowd2fa.seraph.testing;

import io.crowd2fa.seraph.core.HttpFetcher;
import io.crowd2fa.seraph.core.SeraphAuthenticatorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The 2FA service's JWKS and policy endpoints, in memory; records every GET. */
public final class FakeFetcher implements HttpFetcher {

  public final List<URI> requests = new ArrayList<>();
  private final Map<String, String> bodies = new HashMap<>();
  public boolean down;

  public FakeFetcher serve(String pathAndQuery, String body) {
    bodies.put(pathAndQuery, body);
    return this;
  }

  public long count(String path) {
    return requests.stream().filter(uri -> uri.getPath().endsWith(path)).count();
  }

  @Override
  public String get(URI uri) {
    requests.add(uri);
    if (down) {
      throw new SeraphAuthenticatorException("connection refused");
    }
    String key =
        uri.getRawPath().replaceFirst(".*/2fa", "")
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String body = bodies.get(key);
    if (body == null) {
      throw new SeraphAuthenticatorException("404 " + key);
    }
    return body;
  }
}
