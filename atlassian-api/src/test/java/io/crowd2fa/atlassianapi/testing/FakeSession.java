package io.crowd2fa.atlassianapi.testing;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpSession;

/**
 * An in-memory {@link HttpSession} with the servlet-spec rule that setting {@code null} removes the
 * attribute; any other call fails.
 */
public final class FakeSession {
  private final String id;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private boolean invalidated;

  FakeSession(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean invalidated() {
    return invalidated;
  }

  /** A snapshot of the attributes, for assertions. */
  public Map<String, Object> attributes() {
    return Map.copyOf(attributes);
  }

  public void put(String name, Object value) {
    attributes.put(name, value);
  }

  HttpSession asHttpSession() {
    return (HttpSession)
        Proxy.newProxyInstance(
            HttpSession.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) -> {
              if (invalidated) {
                throw new IllegalStateException("session " + id + " is invalidated");
              }
              return switch (method.getName()) {
                case "getId" -> id;
                case "getAttribute" -> attributes.get((String) args[0]);
                case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                case "setAttribute" -> set((String) args[0], args[1]);
                case "removeAttribute" -> attributes.remove((String) args[0]);
                case "invalidate" -> invalidated = true;
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "FakeSession[" + id + "]";
                default ->
                    throw new UnsupportedOperationException("HttpSession." + method.getName());
              };
            });
  }

  private Object set(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
    return null;
  }
}
