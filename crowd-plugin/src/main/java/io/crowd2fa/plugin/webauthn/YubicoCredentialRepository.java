package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Yubico's storage SPI over our repositories. */
final class YubicoCredentialRepository implements CredentialRepository {

  private final WebAuthnCredentialRepository credentials;
  private final UserHandleRepository userHandles;

  YubicoCredentialRepository(
      WebAuthnCredentialRepository credentials, UserHandleRepository userHandles) {
    this.credentials = credentials;
    this.userHandles = userHandles;
  }

  /**
   * Every credential of the user, usable or not: used for {@code excludeCredentials} (so a disabled
   * key is not registered twice) and {@code allowCredentials} (so a disabled key is refused
   * explicitly and audited, not as "unknown").
   */
  @Override
  public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
    return credentials.forUser(username).stream()
        .map(YubicoCredentialRepository::descriptor)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Optional<ByteArray> getUserHandleForUsername(String username) {
    return userHandles.find(username);
  }

  @Override
  public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
    return userHandles.usernameOf(userHandle);
  }

  @Override
  public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
    return credentials
        .byId(credentialId)
        .filter(c -> c.userHandle().equals(userHandle))
        .map(YubicoCredentialRepository::registered);
  }

  @Override
  public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
    return credentials.byId(credentialId).map(YubicoCredentialRepository::registered).stream()
        .collect(Collectors.toUnmodifiableSet());
  }

  private static PublicKeyCredentialDescriptor descriptor(WebAuthnCredential credential) {
    return PublicKeyCredentialDescriptor.builder()
        .id(credential.credentialId())
        .transports(transports(credential))
        .build();
  }

  private static RegisteredCredential registered(WebAuthnCredential credential) {
    return RegisteredCredential.builder()
        .credentialId(credential.credentialId())
        .userHandle(credential.userHandle())
        .publicKeyCose(credential.publicKeyCose())
        .signatureCount(credential.signatureCount())
        .backupEligible(credential.backupEligible())
        .backupState(credential.backedUp())
        .transports(transports(credential))
        .build();
  }

  private static Set<AuthenticatorTransport> transports(WebAuthnCredential credential) {
    return credential.transports().stream()
        .map(AuthenticatorTransport::of)
        .collect(Collectors.toUnmodifiableSet());
  }
}
