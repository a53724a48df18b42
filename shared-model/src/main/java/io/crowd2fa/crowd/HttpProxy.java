package io.crowd2fa.crowd;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxy between this client and Crowd, from {@code crowd.properties}' {@code http.proxy.*}
 * keys as Crowd's own client reads them; the password is never printed.
 */
public record HttpProxy(
    String host, int port, Optional<String> username, Optional<Password> password) {

  public HttpProxy {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("proxy host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("proxy port must be 1..65535");
    }
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("proxy username and password go together");
    }
  }

  @Override
  public String toString() {
    return "HttpProxy[" + host + ":" + port + username.map(u -> ", username=" + u).orElse("") + "]";
  }
}
