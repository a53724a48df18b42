package io.crowd2fa.atlassianapi.testing;

import java.lang.reflect.Proxy;

/** A stand-in whose every call fails, so a test notices any servlet call it did not expect. */
final class Unsupported {
  private Unsupported() {}

  static <T> T of(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(
                  type.getSimpleName() + "." + method.getName());
            }));
  }
}
