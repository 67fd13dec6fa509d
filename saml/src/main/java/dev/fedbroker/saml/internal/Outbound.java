package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks shared by every outbound message: RelayState size and the IdP endpoint it goes to. Stateless. */
public final class Outbound {

    private Outbound() {
    }

    /** Refuses a RelayState above {@code maxBytes} UTF-8 bytes with RELAY_STATE_TOO_LONG. */
    public static Optional<String> relayState(Optional<String> relayState, int maxBytes) {
        relayState.ifPresent(r -> {
            int bytes = r.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                throw new SamlValidationException(Reason.RELAY_STATE_TOO_LONG, "The RelayState has " + bytes
                        + " bytes; at most " + maxBytes + " are sent (SAML bindings 3.4.3 allows 80). Keep the"
                        + " target in the host's session and send a short key as RelayState.");
            }
        });
        return relayState;
    }

    /** The IdP's endpoint for {@code binding} among {@code endpoints}, which must be an absolute http(s) URL. */
    public static String endpoint(IdentityProvider idp, List<IdentityProvider.Endpoint> endpoints,
                                  String binding, String what) {
        String location = endpoints.stream().filter(e -> e.binding().equals(binding))
                .map(IdentityProvider.Endpoint::location).findFirst().orElseThrow(() -> new IllegalStateException("The IdP " + idp.entityId() + " lists no "
                        + what + " with binding " + binding + "; build the IdentityProvider from its metadata"
                        + " (IdentityProvider.fromMetadata or a MetadataSource), which lists Azure AD's endpoints."));
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The IdP's " + what + " location is not a URL.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawFragment() != null) {
            throw new IllegalStateException("The IdP's " + what + " location must be an absolute http(s) URL"
                    + " without fragment; found '" + Log.clip(location, 200) + "'.");
        }
        return location;
    }
}
