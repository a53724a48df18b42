package com.atlassian.seraph.auth;

/** Seraph 4.1.4: why an authentication could not be decided. Mixed-case names are real. */
public enum AuthenticationErrorType {
  CommunicationError,
  UnknownError
}
