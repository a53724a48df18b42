package io.crowd2fa.plugin.webauthn.persistence;

import java.util.List;

/** WebAuthn's entity classes, for {@code Database.open(settings, EngineEntities.with(ALL))}. */
public final class WebAuthnEntities {

  public static final List<Class<?>> ALL =
      List.of(
          WebAuthnCredentialEntity.class,
          WebAuthnUserHandleEntity.class,
          WebAuthnChallengeEntity.class);

  private WebAuthnEntities() {}
}
