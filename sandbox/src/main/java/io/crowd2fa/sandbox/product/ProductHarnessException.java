package io.crowd2fa.sandbox.product;

/** A sample product could not be configured or started. */
public class ProductHarnessException extends RuntimeException {

  public ProductHarnessException(String message) {
    super(message);
  }

  public ProductHarnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
