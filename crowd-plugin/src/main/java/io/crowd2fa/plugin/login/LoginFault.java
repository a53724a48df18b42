package io.crowd2fa.plugin.login;

import io.crowd2fa.plugin.engine.EngineFault;

/** The login cannot go on for a reason that is not the user's (a dependency misbehaved). */
public final class LoginFault extends EngineFault {

  private static final long serialVersionUID = 1L;

  public LoginFault(String message) {
    super(message);
  }
}
