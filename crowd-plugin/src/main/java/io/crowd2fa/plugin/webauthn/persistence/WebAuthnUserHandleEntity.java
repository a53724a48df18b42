package io.crowd2fa.plugin.webauthn.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code webauthn_user_handle}. */
@Entity
@Table(name = "webauthn_user_handle")
public class WebAuthnUserHandleEntity {

  @Id
  @Column(name = "username", length = 255)
  private String username;

  @Column(name = "user_handle", nullable = false, length = 88, unique = true)
  private String userHandle;

  protected WebAuthnUserHandleEntity() {}

  String username() {
    return username;
  }

  String userHandle() {
    return userHandle;
  }
}
