package dev.fedbroker.saml;

import java.util.List;
import java.util.Objects;

/**
 * A SAML response (or another SAML message, a RelayState or an IdP metadata document) was rejected.
 * {@link #reason()} is the machine-readable cause of the
 * first problem; {@link #problems()} lists every problem found by the step that failed. Messages say what was
 * expected, what was found and what to change (in the Azure enterprise application or in the SP configuration); they
 * never quote assertion contents such as NameIDs or attribute values. Immutable and thread-safe.
 */
public final class SamlValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a response was rejected. The set is closed; each value is asserted by at least one test. */
    public enum Reason {
        /** Not base64, not well-formed XML, or not the shape of a SAML 2.0 Response (wrong root, namespace, version). */
        MALFORMED,
        /** Encoded or decoded size, element depth, attribute count or element count above {@link ValidationLimits}. */
        TOO_LARGE,
        /** The document contains a DOCTYPE (the gateway to XXE and entity expansion): never accepted. */
        DOCTYPE_FORBIDDEN,
        /** Two elements carry the same ID value. */
        DUPLICATE_ID,
        /** More than one Assertion/EncryptedAssertion, or one placed anywhere but directly under the Response. */
        MULTIPLE_ASSERTIONS,
        /** The Response holds no assertion (and its status is Success). */
        NO_ASSERTION,
        /** Neither the Response nor the Assertion is signed, or the signature required by configuration is absent. */
        SIGNATURE_MISSING,
        /** A signature's structure, digest or value does not verify. */
        SIGNATURE_INVALID,
        /** A signature does not cover the element that is consumed (reference elsewhere, extra references, misplaced signature). */
        SIGNATURE_WRAPPING,
        /** The signature does not verify with any of the IdP's configured certificates. */
        UNTRUSTED_KEY,
        /** A signature or digest algorithm outside the allow-list (SHA-1 without the explicit opt-in, HMAC, MD5...). */
        WEAK_ALGORITHM,
        /** A transform or canonicalization other than enveloped-signature + exclusive C14N without comments. */
        UNSUPPORTED_TRANSFORM,
        /** The encrypted assertion could not be decrypted (one reason and one message whatever went wrong inside). */
        DECRYPTION_FAILED,
        /** The encrypted assertion uses a refused algorithm (RSA PKCS#1 v1.5 key transport, unknown ciphers). */
        ENCRYPTION_ALGORITHM_REFUSED,
        /** The Response's StatusCode is not Success (Azure reported an error; see the problem's message). */
        STATUS_NOT_SUCCESS,
        /** The Response's Destination is missing or differs from the configured assertion consumer service. */
        WRONG_DESTINATION,
        /** The Response or Assertion Issuer differs from the IdP's entity id. */
        WRONG_ISSUER,
        /** InResponseTo differs from the expected AuthnRequest id (or is absent when one was expected). */
        IN_RESPONSE_TO_MISMATCH,
        /** An IdP-initiated response arrived, or one with InResponseTo on the unsolicited path, while not allowed. */
        UNSOLICITED_NOT_ALLOWED,
        /** IssueInstant of the Response or Assertion lies outside the allowed window. */
        ISSUE_INSTANT_OUT_OF_WINDOW,
        /** Conditions NotBefore lies in the future (beyond the clock skew). */
        NOT_YET_VALID,
        /** Conditions or SubjectConfirmationData NotOnOrAfter has passed (beyond the clock skew). */
        EXPIRED,
        /** An AudienceRestriction does not name this SP's entity id, or there is none. */
        WRONG_AUDIENCE,
        /** A Conditions child other than AudienceRestriction, OneTimeUse or ProxyRestriction (unknown: not trusted). */
        UNSUPPORTED_CONDITION,
        /** No usable bearer SubjectConfirmation (missing, wrong method, no data, or data with NotBefore). */
        NO_BEARER_CONFIRMATION,
        /** The bearer SubjectConfirmationData Recipient differs from the assertion consumer service. */
        WRONG_RECIPIENT,
        /** The assertion has no AuthnStatement. */
        NO_AUTHN_STATEMENT,
        /** The assertion has no Subject or no non-empty NameID. */
        NO_SUBJECT,
        /** This assertion (issuer + ID) was already accepted once. */
        REPLAYED,
        /** The replay cache could not answer; the response is refused rather than risk a replay. */
        REPLAY_CACHE_UNAVAILABLE,

        // ---- The SP side of the conversation: redirect binding, RelayState, IdP metadata, logout ----

        /** A redirect-binding Signature does not verify with an IdP key, or SigAlg/Signature are malformed/misplaced. */
        REDIRECT_SIGNATURE_INVALID,
        /** A redirect-binding message carries no Signature although signed logout messages are required. */
        REDIRECT_SIGNATURE_MISSING,
        /** A RelayState is not a safe post-login redirect target (other origin, scheme, {@code //}, backslash...). */
        OPEN_REDIRECT,
        /** A RelayState is longer than the configured limit (80 bytes by default, per SAML bindings 3.4.3). */
        RELAY_STATE_TOO_LONG,
        /** IdP metadata could not be parsed, or is not IdP metadata (the previous copy stays in use). */
        METADATA_MALFORMED,
        /** IdP metadata lacks the required signature by the pinned certificate, or it does not verify. */
        METADATA_SIGNATURE_INVALID,
        /** IdP metadata could not be fetched or read (network, HTTP status, file, size limit). */
        METADATA_UNAVAILABLE,
        /** Refreshed IdP metadata names another entity id than the one first loaded: refused as a tenant swap. */
        METADATA_ENTITY_ID_CHANGED
    }

    /**
     * One thing wrong with a response.
     *
     * @param reason  the machine-readable cause
     * @param message expected vs found, and what to fix
     */
    public record Problem(Reason reason, String message) {
        public Problem {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<Problem> problems;

    /** One problem. */
    public SamlValidationException(Reason reason, String message) {
        this(List.of(new Problem(reason, message)));
    }

    /** Several problems; the first gives {@link #reason()} and the message. */
    public SamlValidationException(List<Problem> problems) {
        super(first(problems).reason() + ": " + first(problems).message());
        this.problems = List.copyOf(problems);
    }

    /** One problem, keeping the internal cause for diagnostics (never shown to end users). */
    public SamlValidationException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.problems = List.of(new Problem(reason, message));
    }

    /** The reason of the first problem. */
    public Reason reason() {
        return problems.get(0).reason();
    }

    /** Every problem found, first one first; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static Problem first(List<Problem> problems) {
        if (Objects.requireNonNull(problems, "problems").isEmpty()) {
            throw new IllegalArgumentException("a SamlValidationException needs at least one problem");
        }
        return problems.get(0);
    }
}
