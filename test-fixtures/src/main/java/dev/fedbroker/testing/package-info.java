/**
 * Test fixtures for service providers that accept SAML from Azure AD (Entra ID): an in-memory tenant
 * ({@link dev.fedbroker.testing.TestIdentityProvider}) that issues Azure-shaped, really signed (and optionally
 * encrypted) responses and federation metadata, keys and certificates minted in memory
 * ({@link dev.fedbroker.testing.TestCredential}), a settable clock ({@link dev.fedbroker.testing.MutableClock}), and
 * hostile variants of responses for every published attack on SAML service providers
 * ({@link dev.fedbroker.testing.Hostile}).
 *
 * <p>This module depends on nothing else of fedbroker (only Apache Santuario, Bouncy Castle's PKIX API and the JDK),
 * so that it signs independently of any validator it is used to test. Add it with test scope. Bouncy Castle is never
 * registered as a JCA provider.
 *
 * <p>Everything here is for tests: private keys are kept in memory unprotected and certificates are self-signed.
 */
package dev.fedbroker.testing;
