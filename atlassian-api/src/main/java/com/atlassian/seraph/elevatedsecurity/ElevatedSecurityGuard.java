package com.atlassian.seraph.elevatedsecurity;

import com.atlassian.seraph.Initable;
import javax.servlet.http.HttpServletRequest;

/** Seraph 4.1.4: the product's brute-force guard (e.g. a CAPTCHA after failed logins). */
public interface ElevatedSecurityGuard extends Initable {
  boolean performElevatedSecurityCheck(HttpServletRequest request, String userName);

  void onFailedLoginAttempt(HttpServletRequest request, String userName);

  void onSuccessfulLoginAttempt(HttpServletRequest request, String userName);
}
