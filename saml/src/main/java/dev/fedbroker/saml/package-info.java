/**
 * fedbroker's SAML 2.0 service provider for Azure AD (Entra ID): {@link dev.fedbroker.saml.ServiceProvider} validates
 * posted responses into core's {@code Identity} or throws {@link dev.fedbroker.saml.SamlValidationException} with a
 * machine-readable reason; {@link dev.fedbroker.saml.IdentityProvider} holds the trusted IdP (from Azure federation
 * metadata or certificates). Nothing in this package returns null; absent values are {@code Optional}.
 * Apache Santuario and DOM details stay in {@code dev.fedbroker.saml.internal}, which is not API.
 */
package dev.fedbroker.saml;
