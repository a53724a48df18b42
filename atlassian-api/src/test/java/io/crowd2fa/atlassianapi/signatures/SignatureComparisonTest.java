package io.crowd2fa.atlassianapi.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.seraph.Initable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public and protected signature atlassian-api declares under com.atlassian matches the
 * checked-in list derived from the researched Seraph signatures, and nothing more is declared.
 */
class SignatureComparisonTest {
  private static final SignatureFile EXPECTED = SignatureFile.load("/seraph-signatures.txt");

  @TestFactory
  Stream<DynamicTest> eachListedTypeDeclaresExactlyTheListedSignatures() {
    return EXPECTED.linesByType().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey(), () -> assertSameLines(entry.getKey(), entry.getValue())));
  }

  @Test
  void everyPublicAtlassianTypeInTheModuleIsListed() {
    assertThat(compiledAtlassianTypes())
        .as("public or protected com.atlassian types compiled by atlassian-api")
        .isSubsetOf(EXPECTED.linesByType().keySet());
  }

  @Test
  void enumConstantsAreDeclaredInTheListedOrder() throws ClassNotFoundException {
    for (Map.Entry<String, List<String>> entry : EXPECTED.linesByType().entrySet()) {
      Class<?> type = Class.forName(entry.getKey());
      if (!type.isEnum()) {
        continue;
      }
      String constantPrefix = entry.getKey() + ": public static final " + entry.getKey() + " ";
      List<String> listed =
          entry.getValue().stream()
              .filter(line -> line.startsWith(constantPrefix))
              .map(line -> line.substring(constantPrefix.length()))
              .toList();
      List<String> declared =
          Stream.of(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      assertThat(declared).as(type.getName()).containsExactlyElementsOf(listed);
    }
  }

  private static void assertSameLines(String typeName, List<String> listed)
      throws ClassNotFoundException {
    Class<?> type = Class.forName(typeName);
    TreeSet<String> actual = new TreeSet<>(JavapStyle.describe(type));
    TreeSet<String> expected = new TreeSet<>(listed);
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertThat(missing)
        .as(
            "%s: listed in seraph-signatures.txt but not compiled (compiled instead: %s)",
            typeName, unexpected)
        .isEmpty();
    assertThat(unexpected).as("%s: compiled but not listed", typeName).isEmpty();
    assertThat(listed).as("%s: duplicate lines", typeName).doesNotHaveDuplicates();
  }

  private static List<String> compiledAtlassianTypes() {
    Path root = classesRoot();
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("com/atlassian"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = root.relativize(file).toString();
        String binaryName = relative.substring(0, relative.length() - 6).replace('/', '.');
        Class<?> type = Class.forName(binaryName, false, Initable.class.getClassLoader());
        if (JavapStyle.visible(type)) {
          names.add(type.getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static Path classesRoot() {
    try {
      return Path.of(Initable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
