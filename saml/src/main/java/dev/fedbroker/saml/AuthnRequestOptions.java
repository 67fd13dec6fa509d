package dev.fedbroker.saml;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one AuthnRequest asks of Azure AD, beyond what the {@link ServiceProvider} fixes (issuer, ACS, binding).
 * Immutable and thread-safe; build it with {@link #builder()}.
 *
 * @param relayState          opaque state Azure AD returns with the response (at most 80 bytes by default); use
 *                            {@link RedirectTargets} before redirecting to it after sign-in
 * @param forceAuthn          ask Azure AD to authenticate the user again even with a session
 * @param passive             ask Azure AD not to interact with the user (fails when no session exists)
 * @param nameIdFormat        the NameIDPolicy Format, one of the four Azure AD accepts; absent: no NameIDPolicy
 * @param authnContextClassRefs RequestedAuthnContext class references, always sent with {@code Comparison="exact"}
 *                            (the only comparison Azure AD accepts); empty: no RequestedAuthnContext
 * @param loginHint           Azure's {@code login_hint} query parameter (a user name to pre-fill); never a Subject,
 *                            which Azure AD rejects. Not covered by the redirect signature (no extra parameter is).
 */
public record AuthnRequestOptions(Optional<String> relayState, boolean forceAuthn, boolean passive,
                                  Optional<NameIdFormat> nameIdFormat, List<String> authnContextClassRefs,
                                  Optional<String> loginHint) {

    /** No RelayState, no NameIDPolicy, no RequestedAuthnContext, interactive, session reuse allowed. */
    public static final AuthnRequestOptions DEFAULTS = builder().build();

    public AuthnRequestOptions {
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        authnContextClassRefs = List.copyOf(authnContextClassRefs);
        Objects.requireNonNull(loginHint, "loginHint");
        if (forceAuthn && passive) {
            throw new IllegalArgumentException("forceAuthn and passive contradict each other: a passive request"
                    + " cannot make the user sign in again. Choose one.");
        }
        for (String ref : authnContextClassRefs) {
            if (ref.isBlank() || !URI.create(ref).isAbsolute()) {
                throw new IllegalArgumentException("An AuthnContextClassRef must be an absolute URI such as"
                        + " urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport; found '" + ref + "'.");
            }
        }
    }

    /** A builder with {@link #DEFAULTS}. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AuthnRequestOptions}. Not thread-safe. */
    public static final class Builder {
        private String relayState;
        private boolean forceAuthn;
        private boolean passive;
        private NameIdFormat nameIdFormat;
        private final List<String> classRefs = new ArrayList<>();
        private String loginHint;

        private Builder() {
        }

        /** Opaque state returned with the response, e.g. a key into the host's session. */
        public Builder relayState(String v) { this.relayState = Objects.requireNonNull(v, "relayState"); return this; }

        /** Ask for a fresh authentication ({@code ForceAuthn="true"}). */
        public Builder forceAuthn(boolean v) { this.forceAuthn = v; return this; }

        /** Ask for no user interaction ({@code IsPassive="true"}). */
        public Builder passive(boolean v) { this.passive = v; return this; }

        /** Request this NameID format in a NameIDPolicy. */
        public Builder nameIdFormat(NameIdFormat v) {
            this.nameIdFormat = Objects.requireNonNull(v, "nameIdFormat");
            return this;
        }

        /** Request the NameID format with this URI; refused unless it is one of the four Azure AD accepts. */
        public Builder nameIdFormat(String uri) {
            return nameIdFormat(NameIdFormat.fromUri(uri));
        }

        /** Request these authentication context classes, compared exactly. */
        public Builder requestedAuthnContext(String... classRefs) {
            for (String ref : classRefs) {
                this.classRefs.add(Objects.requireNonNull(ref, "classRef"));
            }
            return this;
        }

        /** Azure's {@code login_hint}: the user name to pre-fill on the sign-in page. */
        public Builder loginHint(String v) { this.loginHint = Objects.requireNonNull(v, "loginHint"); return this; }

        /** The options; throws IllegalArgumentException on contradictions. */
        public AuthnRequestOptions build() {
            return new AuthnRequestOptions(Optional.ofNullable(relayState), forceAuthn, passive,
                    Optional.ofNullable(nameIdFormat), classRefs, Optional.ofNullable(loginHint));
        }
    }
}
