package dev.fedbroker.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

import dev.fedbroker.testing.internal.MalformedXml;
import dev.fedbroker.testing.internal.ReferenceStyle;
import dev.fedbroker.testing.internal.SignatureWrapping;
import dev.fedbroker.testing.internal.XmlText;
import org.w3c.dom.Document;

/**
 * Hostile SAML responses for negative tests: each published attack on SAML service providers, built from real
 * signed output so that the only thing wrong is the attack. A service provider must reject every one of them.
 * Methods return the XML text; post {@link #base64(String)} of it.
 *
 * <p>The signature wrapping attacks (XSW1-XSW8) follow J. Somorovsky, A. Mayer, J. Schwenk, M. Kampmann,
 * M. Jensen, "On Breaking SAML: Be Whoever You Want to Be", USENIX Security 2012, in the XSW1-XSW8 numbering used
 * by tools built on that paper (SAML Raider). In each, the IdP's original signature stays in the document and still
 * verifies over the element it references, while an evil element, a copy with the victim's name replaced by the
 * attacker's wherever it appears as text (NameID, name and email claims), sits where a careless SP reads. Evil
 * copies carry no signature. XSW1-2 attack a signature on the Response; XSW3-8 one on the Assertion.
 *
 * <p>Methods that take a {@link ResponseBuilder} build with it and leave its settings as they were.
 * Stateless and thread-safe (the builders passed in are not).
 */
public final class Hostile {

    /** The NameID an attacker wants to become, used when no other is given. */
    public static final String ATTACKER_NAME_ID = "admin@contoso.example";

    private Hostile() {
    }

    /**
     * XSW1: the Response is renamed (fresh ID) and made evil; an unsigned copy of the original Response, with the
     * original ID, is appended inside the Response's {@code Signature} (after KeyInfo), where the signature's
     * reference finds it. Needs a response signed at the Response level ({@code signResponse()}); with
     * {@code signBoth()} the evil assertion's own signature no longer verifies.
     *
     * @throws IllegalArgumentException if the Response itself is not signed
     */
    public static String xsw1(String responseSignedXml, String attackerNameId) {
        return SignatureWrapping.xsw1(responseSignedXml, attackerNameId);
    }

    /** {@link #xsw1(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw1(String responseSignedXml) {
        return xsw1(responseSignedXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW2: as XSW1, but the unsigned copy of the original Response is inserted as a child of the evil Response
     * just before the {@code Signature} (a detached signature over a sibling).
     *
     * @throws IllegalArgumentException if the Response itself is not signed
     */
    public static String xsw2(String responseSignedXml, String attackerNameId) {
        return SignatureWrapping.xsw2(responseSignedXml, attackerNameId);
    }

    /** {@link #xsw2(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw2(String responseSignedXml) {
        return xsw2(responseSignedXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW3: an evil unsigned Assertion (fresh ID) is inserted in the Response before the original signed Assertion,
     * which stays unchanged. An SP that takes the first Assertion but verifies the signed one is fooled.
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw3(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw3(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw3(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw3(String signedResponseXml) {
        return xsw3(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW4: the evil unsigned Assertion (fresh ID) replaces the original, and the original signed Assertion becomes
     * its last child.
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw4(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw4(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw4(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw4(String signedResponseXml) {
        return xsw4(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW5: the Assertion in place is made evil (fresh ID) but keeps the original Signature element; an unsigned
     * copy of the original Assertion, with the original ID, is appended as the Response's last child.
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw5(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw5(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw5(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw5(String signedResponseXml) {
        return xsw5(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW6: as XSW5, but the unsigned copy of the original Assertion goes inside the evil Assertion's
     * {@code Signature} element (after KeyInfo).
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw6(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw6(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw6(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw6(String signedResponseXml) {
        return xsw6(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW7: a schema-valid {@code samlp:Extensions} (after the Response Issuer, or after the Response Signature)
     * holds an evil unsigned copy of the Assertion that keeps the original ID; the signed Assertion stays in place.
     * Schema validation does not stop it, and the ID is now duplicated.
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw7(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw7(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw7(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw7(String signedResponseXml) {
        return xsw7(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * XSW8: the Assertion in place is made evil (fresh ID) and keeps its Signature, into which a {@code ds:Object}
     * holding an unsigned copy of the original Assertion (original ID) is appended.
     *
     * @throws IllegalArgumentException if the Assertion is not signed
     */
    public static String xsw8(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.xsw8(signedResponseXml, attackerNameId);
    }

    /** {@link #xsw8(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String xsw8(String signedResponseXml) {
        return xsw8(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * An evil Response (fresh ID, unsigned, attacker's name) whose {@code samlp:Extensions} holds the original
     * signed Response intact. The original signature verifies; it just is not the root's. Meant for a
     * Response-signed input, works on any signed one.
     */
    public static String wrappedResponse(String signedResponseXml, String attackerNameId) {
        return SignatureWrapping.wrappedResponse(signedResponseXml, attackerNameId);
    }

    /** {@link #wrappedResponse(String, String)} with {@link #ATTACKER_NAME_ID}. */
    public static String wrappedResponse(String signedResponseXml) {
        return wrappedResponse(signedResponseXml, ATTACKER_NAME_ID);
    }

    /**
     * NameID {@code before<!---->after}, signed as {@code before + after} (comments are not canonicalized, so the
     * signature holds). An SP that reads only the first text node sees {@code before} (Duo's 2018 advisory:
     * register {@code admin@contoso.example.evil.test}, send {@code admin@contoso.example<!---->.evil.test}).
     * The claims keep the builder's values. The builder must not encrypt.
     */
    public static String commentInNameId(ResponseBuilder builder, String before, String after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        requireClear(builder);
        String saved = builder.nameId;
        try {
            Document doc = builder.nameId(before + after).document();
            SignatureWrapping.commentInNameId(doc, before, after);
            return XmlText.serialize(doc);
        } finally {
            builder.nameId(saved);
        }
    }

    /**
     * Signed by {@link #attackerCredential()}, whose certificate is in KeyInfo: verifies only for an SP that trusts
     * KeyInfo instead of its configured IdP certificates.
     */
    public static String keyInfoSubstitution(ResponseBuilder builder) {
        TestCredential saved = builder.signingCredential;
        try {
            return XmlText.serialize(builder.signWith(attackerCredential()).document());
        } finally {
            builder.signingCredential = saved;
            builder.changed();
        }
    }

    /** The attacker's credential: {@code CN=Microsoft Azure Federated SSO Certificate}, minted once per JVM. */
    public static TestCredential attackerCredential() {
        return Attacker.CREDENTIAL;
    }

    /** A second, unsigned Assertion (fresh ID, attacker's name) right after the signed one. */
    public static String duplicateAssertion(String signedResponseXml) {
        return SignatureWrapping.duplicateAssertion(signedResponseXml, ATTACKER_NAME_ID);
    }

    /** The Response's {@code samlp:Status} also carries {@code ID="<assertion ID>"}: two elements, one ID. */
    public static String duplicateIds(String signedResponseXml) {
        return SignatureWrapping.duplicateIds(signedResponseXml);
    }

    /** {@link #xxeExternalEntity(String)} of an unsigned Azure-shaped response. */
    public static String xxeExternalEntity() {
        return xxeExternalEntity(template());
    }

    /** Adds {@code <!DOCTYPE ... [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>} and makes the NameID {@code &xxe;}. */
    public static String xxeExternalEntity(String responseXml) {
        return MalformedXml.xxe(responseXml);
    }

    /** {@link #billionLaughs(String)} of an unsigned Azure-shaped response. */
    public static String billionLaughs() {
        return billionLaughs(template());
    }

    /** Adds the ten-level entity expansion (10^9 "lol"s) in the DOCTYPE and makes the NameID {@code &lol9;}. */
    public static String billionLaughs(String responseXml) {
        return MalformedXml.billionLaughs(responseXml);
    }

    /** Adds a harmless {@code <!DOCTYPE samlp:Response>}: SAML forbids any DOCTYPE, so even this must be refused. */
    public static String doctypeOnly(String xml) {
        return MalformedXml.doctypeOnly(xml);
    }

    /**
     * The assertion's signature with an XPath filter transform (equivalent to enveloped-signature) instead of the
     * enveloped-signature transform; digest and signature are valid. Forces assertion-only signing, no encryption.
     */
    public static String xpathTransform(ResponseBuilder builder) {
        return withStyle(builder, ReferenceStyle.XPATH_FILTER);
    }

    /**
     * The assertion's SignedInfo has two References, to the Assertion and to the Response; both digests are valid.
     * Forces assertion-only signing, no encryption.
     */
    public static String extraReference(ResponseBuilder builder) {
        return withStyle(builder, ReferenceStyle.EXTRA_REFERENCE);
    }

    /**
     * The assertion's signature references {@code URI=""}, the whole document; digest and signature are valid.
     * Forces assertion-only signing, no encryption.
     */
    public static String emptyReferenceUri(ResponseBuilder builder) {
        return withStyle(builder, ReferenceStyle.EMPTY_URI);
    }

    /**
     * The Signature inside the Assertion references the Response's ID instead of its parent Assertion's; digest and
     * signature are valid (they cover the whole Response). Forces assertion-only signing, no encryption.
     */
    public static String referenceToOtherId(ResponseBuilder builder) {
        return withStyle(builder, ReferenceStyle.PARENT_ID);
    }

    /**
     * The assertion signature's Reference URI is changed to the Response's ID after signing, so the signature no
     * longer verifies; an SP must reject it whichever check it runs first. See
     * {@link #referenceToOtherId(ResponseBuilder)} for a valid signature over the other element.
     */
    public static String referenceToOtherId(String signedResponseXml) {
        return SignatureWrapping.referenceToOtherId(signedResponseXml);
    }

    /** Every {@code Signature} element removed (signature exclusion). */
    public static String strippedSignature(String signedResponseXml) {
        return SignatureWrapping.strippedSignature(signedResponseXml);
    }

    /** The NameID replaced by {@link #ATTACKER_NAME_ID} after signing: the digest no longer matches. */
    public static String tamperedAfterSigning(String signedResponseXml) {
        return SignatureWrapping.tamperedAfterSigning(signedResponseXml, ATTACKER_NAME_ID);
    }

    /** {@link #deepNesting(String, int)} of an unsigned Azure-shaped response. */
    public static String deepNesting(int depth) {
        return deepNesting(template(), depth);
    }

    /**
     * {@code depth} nested elements in a {@code samlp:Extensions} after the Response Issuer. Inserted outside the
     * Assertion, so an assertion signature still verifies and only the depth is wrong.
     */
    public static String deepNesting(String responseXml, int depth) {
        return MalformedXml.deepNesting(responseXml, requirePositive(depth, "depth"));
    }

    /** {@link #manyAttributes(String, int)} of an unsigned Azure-shaped response. */
    public static String manyAttributes(int n) {
        return manyAttributes(template(), n);
    }

    /** The Response element gets {@code n} extra XML attributes {@code a0="0" a1="1" ...}. */
    public static String manyAttributes(String responseXml, int n) {
        return MalformedXml.manyAttributes(responseXml, requirePositive(n, "n"));
    }

    /** {@link #oversized(String, int)} of an unsigned Azure-shaped response. */
    public static String oversized(int bytes) {
        return oversized(template(), bytes);
    }

    /**
     * Padded with text in a {@code samlp:Extensions} after the Response Issuer to at least {@code bytes} UTF-8 bytes;
     * an assertion signature still verifies.
     */
    public static String oversized(String responseXml, int bytes) {
        return MalformedXml.oversized(responseXml, requirePositive(bytes, "bytes"));
    }

    /** Base64 of the UTF-8 bytes of {@code xml}, as posted in the {@code SAMLResponse} form field. */
    public static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String withStyle(ResponseBuilder builder, ReferenceStyle style) {
        requireClear(builder);
        boolean assertion = builder.signAssertion;
        boolean response = builder.signResponse;
        try {
            builder.signAssertion().referenceStyle(style);
            return XmlText.serialize(builder.document());
        } finally {
            builder.signAssertion = assertion;
            builder.signResponse = response;
            builder.referenceStyle(ReferenceStyle.ENVELOPED);
        }
    }

    private static void requireClear(ResponseBuilder builder) {
        if (builder.encryptFor != null || !builder.includeAssertion) {
            throw new IllegalArgumentException("expected a builder with a plain Assertion; this attack needs the "
                    + "assertion readable: do not call encryptFor(..) or withoutAssertion()");
        }
    }

    private static int requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException("expected a positive " + what + ", found " + value);
        }
        return value;
    }

    private static String template() {
        return TestIdentityProvider.azureAd("00000000-0000-0000-0000-000000000000", attackerCredential())
                .response().unsigned().xml();
    }

    /** Lazy holder: the attacker key is minted only when a test first needs it; immutable afterwards. */
    private static final class Attacker {
        static final TestCredential CREDENTIAL = TestCredential.generate("Microsoft Azure Federated SSO Certificate");
    }
}
