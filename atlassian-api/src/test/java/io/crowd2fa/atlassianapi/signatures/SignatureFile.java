package io.crowd2fa.atlassianapi.signatures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked-in seraph-signatures.txt: for each type, its lines in file order. {@code #} lines are
 * comments. A line belongs to the type named before its first {@code ": "}, after an optional
 * {@code class } or {@code annotation } keyword and before an optional {@code #member}.
 */
final class SignatureFile {
  private final Map<String, List<String>> linesByType;

  private SignatureFile(Map<String, List<String>> linesByType) {
    this.linesByType = linesByType;
  }

  static SignatureFile load(String resource) {
    try (InputStream in = SignatureFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SignatureFile parse(String text) {
    Map<String, List<String>> linesByType = new LinkedHashMap<>();
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      linesByType.computeIfAbsent(owner(line), t -> new ArrayList<>()).add(line);
    }
    return new SignatureFile(linesByType);
  }

  private static String owner(String line) {
    int colon = line.indexOf(": ");
    if (colon < 0) {
      throw new IllegalArgumentException("not a signature line: " + line);
    }
    String head = line.substring(0, colon);
    head = head.startsWith("class ") ? head.substring("class ".length()) : head;
    head = head.startsWith("annotation ") ? head.substring("annotation ".length()) : head;
    int member = head.indexOf('#');
    return member < 0 ? head : head.substring(0, member);
  }

  Map<String, List<String>> linesByType() {
    return linesByType;
  }
}
