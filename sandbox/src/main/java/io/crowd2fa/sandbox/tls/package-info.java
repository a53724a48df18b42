/**
 * The sandbox's HTTPS: a test certificate authority made when the sandbox starts (its private keys
 * live in memory and in the sandbox home, never in the repository), the server certificate it signs
 * for the sandbox's host names, and the Tomcat connector settings that serve it.
 */
package io.crowd2fa.sandbox.tls;
