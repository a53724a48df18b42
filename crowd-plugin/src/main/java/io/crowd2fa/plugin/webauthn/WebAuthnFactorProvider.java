package io.crowd2fa.plugin.webauthn;

import io.crowd2fa.plugin.engine.EnrolledFactor;
import io.crowd2fa.plugin.engine.FactorStatus;
import io.crowd2fa.plugin.engine.FactorType;
import io.crowd2fa.plugin.engine.SecondFactorProvider;
import java.util.List;
import java.util.UUID;

/**
 * WebAuthn credentials in the engine's factor list, rename/remove, hard-cap disabling and admin
 * reset.
 */
public final class WebAuthnFactorProvider implements SecondFactorProvider {

  private final WebAuthnCredentialRepository credentials;

  public WebAuthnFactorProvider(WebAuthnCredentialRepository credentials) {
    this.credentials = credentials;
  }

  @Override
  public FactorType type() {
    return FactorType.WEBAUTHN;
  }

  @Override
  public List<EnrolledFactor> enrolled(String username) {
    return credentials.forUser(username).stream().map(WebAuthnFactorProvider::factor).toList();
  }

  @Override
  public boolean rename(String username, UUID factorId, String nickname) {
    WebAuthnCredential.requireNickname(nickname);
    return credentials.rename(username, factorId, nickname);
  }

  @Override
  public boolean remove(String username, UUID factorId) {
    return credentials.remove(username, factorId);
  }

  @Override
  public int disableAll(String username) {
    return credentials.disableAll(username);
  }

  @Override
  public int removeDisabled(String username) {
    return credentials.removeUnusable(username);
  }

  private static EnrolledFactor factor(WebAuthnCredential credential) {
    return new EnrolledFactor(
        credential.id(),
        FactorType.WEBAUTHN,
        credential.nickname(),
        // A possibly cloned key is as unusable as a disabled one: it must be registered again.
        credential.usable() ? FactorStatus.ACTIVE : FactorStatus.DISABLED,
        credential.createdAt(),
        credential.lastUsedAt().orElse(null));
  }
}
