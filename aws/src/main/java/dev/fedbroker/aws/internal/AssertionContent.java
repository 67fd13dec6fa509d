package dev.fedbroker.aws.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the broker puts into one sign-in response toward AWS, already decided and validated by the caller.
 * Immutable; thread-safe.
 *
 * @param responseId    the Response ID ({@code _} + a random UUID)
 * @param assertionId   the Assertion ID ({@code _} + another random UUID); also the SessionIndex
 * @param issueInstant  when the response is issued; also NotBefore and AuthnInstant
 * @param notOnOrAfter  end of validity of the assertion and of its bearer confirmation
 * @param issuer        the broker's IdP entity id
 * @param destination   the sign-in endpoint (Response Destination and SubjectConfirmationData Recipient)
 * @param audience      the Audience, {@code urn:amazon:webservices} by default
 * @param nameId        the persistent NameID value
 * @param attributes    the attributes, in order
 */
public record AssertionContent(
        String responseId,
        String assertionId,
        Instant issueInstant,
        Instant notOnOrAfter,
        String issuer,
        String destination,
        String audience,
        String nameId,
        List<SamlAttribute> attributes) {

    public AssertionContent {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nameId, "nameId");
        attributes = List.copyOf(attributes);
        if (!notOnOrAfter.isAfter(issueInstant)) {
            throw new IllegalArgumentException("notOnOrAfter must be after issueInstant");
        }
    }
}
