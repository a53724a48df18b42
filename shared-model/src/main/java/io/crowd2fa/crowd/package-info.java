/**
 * The one Crowd REST client ({@code usermanagement/1}) used by both the 2FA service and the product
 * authenticators, its wire entities and its {@code crowd.properties} configuration.
 *
 * <p>Only the JDK {@link java.net.http.HttpClient} and jackson-jr are used, because the
 * authenticator jar shades this package into a product's web-app class loader. Expected outcomes
 * (Crowd's error {@code reason}s) are {@link io.crowd2fa.crowd.CrowdResult}s; faults (Crowd down,
 * stalled, answering garbage, rejecting the application's credentials) are {@link
 * io.crowd2fa.crowd.CrowdException}s. Passwords and SSO tokens never appear in a message or a
 * {@code toString()}.
 */
package io.crowd2fa.crowd;
