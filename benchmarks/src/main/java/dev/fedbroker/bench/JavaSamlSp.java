package dev.fedbroker.bench;

import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.testing.AzureClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTimeUtils;

/**
 * OneLogin java-saml 2.9.0 doing the same job as fedbroker's {@code ServiceProvider.validate}: base64 in, validated
 * response, claims mapped to the same {@link Identity}, assertion id remembered in the same kind of replay cache
 * (java-saml has none; its documentation asks the host to keep {@code getAssertionId()} until NotOnOrAfter).
 *
 * <p>Its best configuration: strict mode on (what makes it check Destination, Audience, Recipient, InResponseTo and
 * time windows at all), {@code want_assertions_signed} (or {@code want_messages_signed} for a signed Response),
 * {@code want_assertions_encrypted} for the encrypted variant, {@code reject_deprecated_alg}, the IdP certificate
 * configured directly (no metadata fetch), debug off. {@code want_xml_validation} (XSD validation of every response,
 * its default) is a constructor choice: off is its fastest secure-enough setting and the one the ratios use.
 *
 * <p>Its clock cannot be injected: it reads Joda-Time's current time, pinned here with
 * {@link DateTimeUtils#setCurrentMillisFixed(long)} to the benchmark world's fixed instant (JVM-wide; fine in a
 * benchmark fork). Thread-safe: settings are shared read-only, a {@code SamlResponse} is made per call.
 */
final class JavaSamlSp {

    private static final Duration SKEW = Duration.ofMinutes(3);

    private final Saml2Settings settings;
    private final String acs;
    private final ReplayCache replayCache;

    JavaSamlSp(SamlWorld world, ReplayCache replayCache, boolean schemaValidation) {
        this.acs = world.idp.acsUrl();
        this.replayCache = replayCache;
        DateTimeUtils.setCurrentMillisFixed(world.now.toEpochMilli());
        Map<String, Object> v = new HashMap<>();
        v.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        v.put(SettingsBuilder.DEBUG_PROPERTY_KEY, false);
        v.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, world.idp.spEntityId());
        v.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acs);
        v.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, world.idp.entityId());
        v.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY, world.idp.ssoUrl());
        v.put(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY, world.idp.signingCredential().certificatePem());
        v.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, world.variant != SamlVariant.RESPONSE_SIGNED);
        v.put(SettingsBuilder.SECURITY_WANT_MESSAGES_SIGNED, world.variant == SamlVariant.RESPONSE_SIGNED);
        v.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_ENCRYPTED, world.variant == SamlVariant.ENCRYPTED);
        v.put(SettingsBuilder.SECURITY_WANT_NAMEID, true);
        v.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
        v.put(SettingsBuilder.SECURITY_WANT_XML_VALIDATION, schemaValidation);
        v.put(SettingsBuilder.SP_X509CERT_PROPERTY_KEY, world.spEncryption.certificatePem());
        v.put(SettingsBuilder.SP_PRIVATEKEY_PROPERTY_KEY, world.spEncryption.privateKeyPem());
        this.settings = new SettingsBuilder().fromValues(v).build();
        List<String> errors = settings.checkSettings();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("java-saml refuses its settings: " + errors);
        }
    }

    /** Validates like {@code ServiceProvider.validate}; throws {@link IllegalStateException} on any rejection. */
    Identity validate(String base64, String requestId) {
        SamlResponse r;
        try {
            r = new SamlResponse(settings, new HttpRequest(acs, Map.of("SAMLResponse", List.of(base64))));
        } catch (Exception e) {
            throw new IllegalStateException("java-saml could not read the response", e);
        }
        if (!r.isValid(requestId)) {
            throw new IllegalStateException("java-saml rejected the response: " + r.getError(),
                    r.getValidationException());
        }
        try {
            Map<String, List<String>> a = r.getAttributes();
            String issuer = r.getAssertionIssuer();
            String assertionId = r.getAssertionId();
            Instant until = Instant.EPOCH;
            for (org.joda.time.Instant i : r.getAssertionNotOnOrAfter()) {
                Instant at = Instant.ofEpochMilli(i.getMillis());
                until = until.isAfter(at) ? until : at;
            }
            if (!replayCache.putIfAbsent(issuer + "|" + assertionId, until.plus(SKEW))) {
                throw new IllegalStateException("java-saml side: assertion " + assertionId + " REPLAYED");
            }
            Identity.Builder b = Identity.builder(r.getNameId())
                    .nameIdFormat(r.getNameIdFormat())
                    .issuer(issuer)
                    .tenantId(first(a, AzureClaims.TENANT_ID))
                    .objectId(first(a, AzureClaims.OBJECT_ID))
                    .upn(first(a, AzureClaims.NAME))
                    .email(first(a, AzureClaims.EMAIL))
                    .displayName(first(a, AzureClaims.DISPLAY_NAME))
                    .givenName(first(a, AzureClaims.GIVEN_NAME))
                    .surname(first(a, AzureClaims.SURNAME))
                    .groups(a.getOrDefault(AzureClaims.GROUPS, List.of()))
                    .roles(a.getOrDefault(AzureClaims.ROLE, List.of()))
                    .roles(a.getOrDefault(AzureClaims.AWS_ROLE, List.of()))
                    .authnMethods(a.getOrDefault(AzureClaims.AUTHN_METHODS, List.of()))
                    .groupsOverage(a.containsKey(AzureClaims.GROUPS_LINK))
                    .sessionIndex(r.getSessionIndex())
                    .assertionId(assertionId)
                    .validUntil(until);
            a.forEach(b::attribute);
            return b.build();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("java-saml could not read the claims", e);
        }
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
