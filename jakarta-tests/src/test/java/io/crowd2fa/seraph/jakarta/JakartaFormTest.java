package io.crowd2fa.seraph.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

/**
 * The other tests in this module are seraph-authenticator's unit tests after the Eclipse
 * Transformer: these checks fail if they ran against javax instead (a missed transformation, or a
 * javax jar on the class path, would let them pass without proving anything about jakarta).
 *
 * <p>Classes are looked up by name: they are unpacked and transformed after this test compiles.
 * This class is transformed too, so the javax name is assembled at run time (the transformer
 * rewrites {@code javax.servlet} string constants).
 */
class JakartaFormTest {

  private static final String JAVAX_REQUEST =
      String.join(".", "javax", "servlet", "http", "HttpServletRequest");

  @Test
  void theTestFakesAreJakartaServletRequestsAndSessions() throws Exception {
    assertThat(load("io.crowd2fa.seraph.testing.FakeRequest").getInterfaces())
        .containsExactly(HttpServletRequest.class);
    assertThat(load("io.crowd2fa.seraph.testing.FakeSession").getInterfaces())
        .containsExactly(HttpSession.class);
    assertThat(HttpServletRequest.class.getName())
        .isEqualTo("jakarta.servlet.http.HttpServletRequest");
  }

  @Test
  void javaxServletIsNotOnTheClassPath() {
    assertThat(JAVAX_REQUEST).startsWith("javax.");
    assertThatThrownBy(() -> load(JAVAX_REQUEST)).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theAuthenticatorUnderTestIsTheJakartaJarAndTakesJakartaTypes() throws Exception {
    Class<?> authenticator = load("io.crowd2fa.seraph.GenericTwoFactorAuthenticator");
    assertThat(codeSource(authenticator)).endsWith("/crowd2fa-seraph-jakarta.jar");
    assertThat(
            authenticator
                .getMethod("getUser", HttpServletRequest.class, HttpServletResponse.class)
                .getDeclaringClass())
        .isEqualTo(authenticator);
  }

  @Test
  void theSeraphDeclarationsAreTheTransformedAtlassianApi() throws Exception {
    Class<?> seraph = load("com.atlassian.seraph.auth.DefaultAuthenticator");
    assertThat(codeSource(seraph)).endsWith("/atlassian-api-jakarta.jar");
    assertThat(
            seraph.getMethod(
                "login",
                HttpServletRequest.class,
                HttpServletResponse.class,
                String.class,
                String.class,
                boolean.class))
        .isNotNull();
  }

  private static Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, false, JakartaFormTest.class.getClassLoader());
  }

  private static String codeSource(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath();
  }
}
