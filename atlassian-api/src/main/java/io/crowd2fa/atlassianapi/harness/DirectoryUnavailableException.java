package io.crowd2fa.atlassianapi.harness;

/**
 * HARNESS-ONLY: the directory could not be reached. The product authenticators turn it into an
 * {@code AuthenticatorException} with {@code AuthenticationErrorType.CommunicationError}, as Jira
 * and Confluence do with Crowd's {@code CommunicationException}.
 */
public class DirectoryUnavailableException extends RuntimeException {
  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
