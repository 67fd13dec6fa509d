package dev.fedbroker.saml;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The NameID formats Azure AD honours in an AuthnRequest's {@code NameIDPolicy}; any other value makes Azure answer
 * with an error, so no other value can be requested. Immutable and thread-safe.
 */
public enum NameIdFormat {
    /** A pairwise, opaque, stable identifier. */
    PERSISTENT("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"),
    /** An e-mail address (Azure sends the configured source attribute, by default the UPN). */
    EMAIL_ADDRESS("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    /** Azure chooses (a pairwise identifier). */
    UNSPECIFIED("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"),
    /** A random identifier per sign-in. */
    TRANSIENT("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");

    private final String uri;

    NameIdFormat(String uri) {
        this.uri = uri;
    }

    /** The format URI. */
    public String uri() {
        return uri;
    }

    /** The format with this URI; any other URI is refused, because Azure AD refuses it. */
    public static NameIdFormat fromUri(String uri) {
        Objects.requireNonNull(uri, "uri");
        for (NameIdFormat f : values()) {
            if (f.uri.equals(uri)) {
                return f;
            }
        }
        throw new IllegalArgumentException("NameID format '" + uri + "' is not one Azure AD accepts in a"
                + " NameIDPolicy; use one of " + Arrays.stream(values()).map(NameIdFormat::uri)
                .collect(Collectors.joining(", ")) + ", or send no NameIDPolicy.");
    }
}
