package io.crowd2fa.crowd;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crowd's JSON wire format. Requests are written in the form of Atlassian's JSON guide (dashed
 * names, {@code "validation-factors":{"validationFactors":[…]}}); answers are read leniently, also
 * accepting the camelCase names and ISO dates that Crowd's generated OpenAPI page shows.
 *
 * <p>Only what Crowd2FA decides on is required and type-checked: a user's {@code name} and {@code
 * active}, a session's {@code token}, a group's {@code name}, the cookie's {@code name}, an error's
 * {@code reason}. Everything else (display names, e-mail, session dates) is read when it is there
 * in a readable form and otherwise left empty, because Crowd versions differ in what they send:
 * Crowd 2.x session entities have no dates, minimal user entities only a name and a link.
 */
final class CrowdJson {

  private static final JSON JSON_CODEC = JSON.std;

  private CrowdJson() {}

  /** {@code POST /session} body (Crowd's {@code authentication-context}). */
  static String authenticationContext(SessionRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", request.username());
    request.password().ifPresent(password -> body.put("password", password.value()));
    body.put("validation-factors", validationFactorList(request.validationFactors()));
    return write(body);
  }

  /** {@code POST /session/{token}} body (Crowd's {@code validation-factors}). */
  static String validationFactors(ValidationFactors factors) {
    return write(validationFactorList(factors));
  }

  /** {@code POST /authentication} body (Crowd's {@code password} entity). */
  static String passwordValue(Password password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", password.value());
    return write(body);
  }

  static Map<String, Object> readObject(String body) throws IOException {
    Object value = JSON_CODEC.anyFrom(body);
    if (value instanceof Map<?, ?> map) {
      return stringKeys(map);
    }
    throw new IOException("expected a JSON object");
  }

  static CrowdUser user(Map<String, Object> json) {
    return new CrowdUser(
        requiredText(json, "name"),
        informational(json, "first-name", "firstName"),
        informational(json, "last-name", "lastName"),
        informational(json, "display-name", "displayName"),
        informational(json, "email"),
        bool(json, "active").orElse(Boolean.TRUE));
  }

  static CrowdSession session(Map<String, Object> json) {
    Optional<CrowdUser> user =
        Optional.ofNullable(json.get("user"))
            .filter(Map.class::isInstance)
            .map(value -> stringKeys((Map<?, ?>) value))
            .filter(map -> map.get("name") instanceof String)
            .map(CrowdJson::user);
    return new CrowdSession(
        new SsoToken(requiredText(json, "token")),
        user,
        instant(json, "created-date", "createdDate"),
        instant(json, "expiry-date", "expiryDate"));
  }

  static List<String> groupNames(Map<String, Object> json) {
    Object groups = json.get("groups");
    if (groups == null) {
      return List.of();
    }
    if (!(groups instanceof List<?> list)) {
      throw new IllegalArgumentException("'groups' is not an array");
    }
    List<String> names = new ArrayList<>(list.size());
    for (Object group : list) {
      if (!(group instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("a group is not an object");
      }
      names.add(requiredText(stringKeys(map), "name"));
    }
    return List.copyOf(names);
  }

  static CookieConfiguration cookieConfiguration(Map<String, Object> json) {
    return new CookieConfiguration(
        text(json, "domain"),
        bool(json, "secure").orElse(Boolean.FALSE),
        requiredText(json, "name"));
  }

  /** The {@code reason} and {@code message} of an error body, if it is one. */
  static Optional<Map.Entry<String, String>> error(String body) {
    try {
      Map<String, Object> json = readObject(body);
      return text(json, "reason")
          .map(reason -> Map.entry(reason, text(json, "message").orElse("")));
    } catch (IOException | IllegalArgumentException notAnErrorEntity) {
      // Not lost: the caller turns "no error entity" into a CrowdProtocolException with the status.
      return Optional.empty();
    }
  }

  private static Map<String, Object> validationFactorList(ValidationFactors factors) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ValidationFactor factor : factors.factors()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", factor.name());
      entry.put("value", factor.value());
      list.add(entry);
    }
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("validationFactors", list);
    return wrapper;
  }

  private static String write(Object value) {
    try {
      return JSON_CODEC.asString(value);
    } catch (IOException e) {
      // Maps of strings and lists always serialise; reaching here is a programming error.
      throw new IllegalStateException("cannot write Crowd JSON", e);
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  private static String requiredText(Map<String, Object> json, String name) {
    return text(json, name)
        .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is missing"));
  }

  private static Optional<String> text(Map<String, Object> json, String... names) {
    for (String name : names) {
      Object value = json.get(name);
      if (value instanceof String text && !text.isEmpty()) {
        return Optional.of(text);
      }
      if (value != null && !(value instanceof String)) {
        throw new IllegalArgumentException("'" + name + "' is not a string");
      }
    }
    return Optional.empty();
  }

  private static Optional<Boolean> bool(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean flag) {
      return Optional.of(flag);
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Optional.of(Boolean.valueOf(text));
    }
    throw new IllegalArgumentException("'" + name + "' is not a boolean");
  }

  /** A field nothing decides on: its text, or empty when absent or not a string. */
  private static String informational(Map<String, Object> json, String... names) {
    for (String name : names) {
      if (json.get(name) instanceof String text && !text.isEmpty()) {
        return text;
      }
    }
    return "";
  }

  /**
   * Epoch milliseconds (as real Crowd sends), a numeric string, or an ISO-8601 instant; empty when
   * absent or unreadable, since no decision rests on a session's dates.
   */
  private static Optional<Instant> instant(Map<String, Object> json, String dashed, String camel) {
    Object value = json.containsKey(dashed) ? json.get(dashed) : json.get(camel);
    if (value instanceof Number number) {
      return Optional.of(Instant.ofEpochMilli(number.longValue()));
    }
    if (value instanceof String text && !text.isEmpty()) {
      try {
        return Optional.of(
            text.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochMilli(Long.parseLong(text))
                : Instant.parse(text));
      } catch (NumberFormatException | DateTimeParseException unreadable) {
        // Not lost: the session stays usable, and nothing reads the date.
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
