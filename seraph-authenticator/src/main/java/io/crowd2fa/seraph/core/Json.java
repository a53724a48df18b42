package io.crowd2fa.seraph.core;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small typed accessors over jackson-jr's untyped maps; every read is explicit about type. */
final class Json {

  private static final JSON JSON_READER = JSON.std;

  private Json() {}

  static Map<String, Object> object(byte[] utf8) {
    try {
      return JSON_READER.mapFrom(utf8);
    } catch (IOException | RuntimeException e) {
      throw new MalformedJsonException("not a JSON object", e);
    }
  }

  static Map<String, Object> object(String text) {
    try {
      return JSON_READER.mapFrom(text);
    } catch (IOException | RuntimeException e) {
      throw new MalformedJsonException("not a JSON object", e);
    }
  }

  static Optional<String> string(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw new MalformedJsonException(name + " must be a string");
  }

  static Optional<Long> integer(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(((Number) value).longValue());
    }
    throw new MalformedJsonException(name + " must be an integer");
  }

  static List<?> array(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new MalformedJsonException(name + " must be an array");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new MalformedJsonException(what + " must be an object");
  }

  /** Input that does not have the documented shape. */
  static final class MalformedJsonException extends SeraphAuthenticatorException {
    MalformedJsonException(String message) {
      super(message);
    }

    MalformedJsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
