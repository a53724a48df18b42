/**
 * The sandbox's Crowd stand-in: {@link io.crowd2fa.sandbox.crowd.CrowdStandIn} answers Crowd's REST
 * API {@code usermanagement/1} (sessions, authentication, users, nested groups, cookie
 * configuration) with Crowd's JSON, status codes and error reasons, on embedded Tomcat 9.
 *
 * <p><b>All state is in memory</b>: sessions and changes are lost when it stops. It is a test and
 * demo server, never a Crowd replacement.
 *
 * <p>Demo seed ({@code crowd-standin/seed.json}; public, demo-only passwords):
 *
 * <ul>
 *   <li>users: {@code admin}/{@code admin123} (crowd-administrators), {@code alice}/{@code
 *       alice123} and {@code bob}/{@code bob123} (jira-software-users, confluence-users), {@code
 *       contractor}/{@code contractor123} (external), {@code inactive}/{@code inactive123}
 *       (inactive account, in jira-software-users);
 *   <li>crowd-administrators is nested in jira-software-users and confluence-users;
 *   <li>applications: {@code crowd2fa}/{@code crowd2fa-secret} (every user may authenticate),
 *       {@code jira}/{@code jira-secret} (jira-software-users), {@code confluence}/{@code
 *       confluence-secret} (confluence-users, external).
 * </ul>
 *
 * <p>Passwords are stored as bcrypt hashes of cost 4: they are published above, and a low cost
 * keeps the many logins of the test suites fast.
 */
package io.crowd2fa.sandbox.crowd;
