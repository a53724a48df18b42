package io.crowd2fa.plugin.engine;

import io.crowd2fa.plugin.totp.TotpCredential;
import io.crowd2fa.plugin.totp.TotpCredentialRepository;
import io.crowd2fa.plugin.totp.TotpCredentialStatus;
import java.util.List;
import java.util.UUID;

/** TOTP credentials seen through the same seam as every other factor kind. */
final class TotpFactorProvider implements SecondFactorProvider {

  private final TotpCredentialRepository repository;

  TotpFactorProvider(TotpCredentialRepository repository) {
    this.repository = repository;
  }

  @Override
  public FactorType type() {
    return FactorType.TOTP;
  }

  @Override
  public List<EnrolledFactor> enrolled(String username) {
    return repository.enrolled(username).stream().map(TotpFactorProvider::toFactor).toList();
  }

  static EnrolledFactor toFactor(TotpCredential credential) {
    return new EnrolledFactor(
        credential.id(),
        FactorType.TOTP,
        credential.nickname(),
        credential.status() == TotpCredentialStatus.ACTIVE
            ? FactorStatus.ACTIVE
            : FactorStatus.DISABLED,
        credential.createdAt(),
        credential.lastUsedAt());
  }

  @Override
  public boolean rename(String username, UUID factorId, String nickname) {
    return repository.rename(username, factorId, nickname);
  }

  @Override
  public boolean remove(String username, UUID factorId) {
    return repository.remove(username, factorId);
  }

  @Override
  public int disableAll(String username) {
    return repository.disableAll(username);
  }

  @Override
  public int removeDisabled(String username) {
    return repository.removeDisabled(username);
  }
}
