/**
 * fedbroker's SAML 2.0 service provider for Azure AD (Entra ID): {@link dev.fedbroker.saml.ServiceProvider} validates
 * posted responses into core's {@code Identity} or throws {@link dev.fedbroker.saml.SamlValidationException} with a
 * machine-readable reason; {@link dev.fedbroker.saml.IdentityProvider} holds the trusted IdP (from Azure federation
 * metadata or certificates). The SP's own side of the conversation: {@code ServiceProvider.authnRequest} (HTTP-Redirect
 * or POST AuthnRequests), {@link dev.fedbroker.saml.RedirectTargets} (RelayState as a safe redirect target),
 * {@code ServiceProvider.metadataXml} and {@link dev.fedbroker.saml.ServiceProviderMetadata} (SP metadata),
 * {@link dev.fedbroker.saml.MetadataSource} (IdP metadata refreshed on the injected clock, keeping the last good
 * copy) and {@link dev.fedbroker.saml.SingleLogout}. Nothing in this package returns null; absent values are
 * {@code Optional}.
 * Apache Santuario and DOM details stay in {@code dev.fedbroker.saml.internal}, which is not API.
 */
package dev.fedbroker.saml;
