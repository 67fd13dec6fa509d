package dev.fedbroker.saml;

import dev.fedbroker.saml.internal.MessageIds;
import dev.fedbroker.saml.internal.Outbound;
import dev.fedbroker.saml.internal.OutboundMessages;
import dev.fedbroker.saml.internal.RedirectBinding;
import dev.fedbroker.saml.internal.SpSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/** Builds AuthnRequests for both bindings, to the current IdP's endpoints. Immutable and thread-safe. */
final class AuthnRequests {

    private final SpSettings sp;
    private final Supplier<IdentityProvider> idp;
    private final MessageIds ids;

    AuthnRequests(SpSettings sp, Supplier<IdentityProvider> idp, MessageIds ids) {
        this.sp = sp;
        this.idp = idp;
        this.ids = ids;
    }

    AuthnRedirect redirect(AuthnRequestOptions options) {
        Objects.requireNonNull(options, "options");
        Outbound.relayState(options.relayState(), sp.relayStateMaxBytes());
        IdentityProvider current = idp.get();
        String destination = Outbound.endpoint(current, current.singleSignOnServices(), IdentityProvider.HTTP_REDIRECT,
                "SingleSignOnService");
        String id = ids.next();
        byte[] xml = OutboundMessages.authnRequest(id, sp.clock().instant(), destination, sp, options, false);
        String query = RedirectBinding.query("SAMLRequest", xml, options.relayState(), sp.signingKey());
        if (options.loginHint().isPresent()) {
            query += "&login_hint=" + URLEncoder.encode(options.loginHint().get(), StandardCharsets.UTF_8);
        }
        return new AuthnRedirect(RedirectBinding.url(destination, query), id, options.relayState());
    }

    AuthnPost post(AuthnRequestOptions options) {
        Objects.requireNonNull(options, "options");
        Outbound.relayState(options.relayState(), sp.relayStateMaxBytes());
        IdentityProvider current = idp.get();
        String destination = Outbound.endpoint(current, current.singleSignOnServices(), IdentityProvider.HTTP_POST,
                "SingleSignOnService");
        String id = ids.next();
        byte[] xml = OutboundMessages.authnRequest(id, sp.clock().instant(), destination, sp, options,
                sp.signingKey().isPresent());
        String action = options.loginHint().map(h -> RedirectBinding.url(destination, "login_hint="
                + URLEncoder.encode(h, StandardCharsets.UTF_8)).toString()).orElse(destination);
        return new AuthnPost(URI.create(action), id, Base64.getEncoder().encodeToString(xml), options.relayState());
    }
}
