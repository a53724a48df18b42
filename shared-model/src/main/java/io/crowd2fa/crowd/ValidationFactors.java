package io.crowd2fa.crowd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The validation factors sent with a session create or validate call. */
public record ValidationFactors(List<ValidationFactor> factors) {

  private static final Pattern IPV6_ZONE_ID = Pattern.compile("%\\w+$");

  public ValidationFactors {
    factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
  }

  public static ValidationFactors none() {
    return new ValidationFactors(List.of());
  }

  /**
   * Builds the factors exactly as Crowd's {@code CrowdHttpValidationFactorExtractorImpl} does, so a
   * session created here validates from a product using Crowd's own client and vice versa: {@code
   * remote_address} is the request's remote address without an IPv6 zone id (omitted when empty);
   * {@code X-Forwarded-For} is the raw header, added only when present and different from it.
   *
   * @param remoteAddress {@code HttpServletRequest.getRemoteAddr()}
   * @param xForwardedFor the {@code X-Forwarded-For} header or {@code null}
   */
  public static ValidationFactors fromRequest(String remoteAddress, String xForwardedFor) {
    List<ValidationFactor> factors = new ArrayList<>(2);
    String address =
        remoteAddress == null ? null : IPV6_ZONE_ID.matcher(remoteAddress).replaceAll("");
    if (address != null && !address.isEmpty()) {
      factors.add(new ValidationFactor(ValidationFactor.REMOTE_ADDRESS, address));
    }
    if (xForwardedFor != null && !xForwardedFor.equals(address)) {
      factors.add(new ValidationFactor(ValidationFactor.X_FORWARDED_FOR, xForwardedFor));
    }
    return new ValidationFactors(factors);
  }
}
