package dev.fedbroker.saml;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.internal.InboundLogout;
import dev.fedbroker.saml.internal.MessageIds;
import dev.fedbroker.saml.internal.Outbound;
import dev.fedbroker.saml.internal.OutboundMessages;
import dev.fedbroker.saml.internal.RedirectBinding;
import dev.fedbroker.saml.internal.SpSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SAML single logout over the HTTP-Redirect binding, the only one Azure AD supports for logout (DOMAIN.md 1.11).
 * Obtained from {@link ServiceProvider#singleLogout()}; immutable and thread-safe.
 *
 * <p>SP-initiated: {@link #request(Identity, String)} gives the URL to send the browser to; Azure AD answers at the
 * SP's {@code singleLogoutService} URL, whose raw query string goes to {@link #validateResponse(String, String)}.
 * IdP-initiated (another application signed the user out): pass the raw query string to
 * {@link #validateRequest(String)}, end the local session it names, then redirect to
 * {@link #response(IdpLogoutRequest)}.
 *
 * <p>Always pass the raw, still URL-encoded query string (e.g. {@code HttpServletRequest.getQueryString()}): the
 * signature covers those exact octets. A query-string signature is verified whenever present, with the IdP's metadata
 * keys, and required when {@link ServiceProvider.Builder#requireSignedLogoutMessages(boolean)} is set. The accepted
 * Issuers are the IdP's entity id and, for Azure AD, {@code https://login.microsoftonline.com/<tenant>/} (the Issuer
 * of Azure's logout messages) unless {@link ServiceProvider.Builder#logoutIssuers} says otherwise. Rejections throw
 * {@link SamlValidationException} with its reason.
 */
public final class SingleLogout {

    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private static final String PARTIAL = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";

    private final SpSettings sp;
    private final Supplier<IdentityProvider> idp;
    private final InboundLogout inbound;
    private final MessageIds ids;

    SingleLogout(SpSettings sp, Supplier<IdentityProvider> idp, MessageIds ids) {
        this.sp = sp;
        this.idp = idp;
        this.inbound = new InboundLogout(sp);
        this.ids = ids;
    }

    /** A LogoutRequest for {@code who} (NameID and SessionIndex from the validated identity), without RelayState. */
    public LogoutRedirect request(Identity who) {
        return request(who, Optional.empty());
    }

    /** A LogoutRequest for {@code who}, with {@code relayState} returned by the IdP with its LogoutResponse. */
    public LogoutRedirect request(Identity who, String relayState) {
        return request(who, Optional.of(Objects.requireNonNull(relayState, "relayState")));
    }

    private LogoutRedirect request(Identity who, Optional<String> relayState) {
        Objects.requireNonNull(who, "who");
        requireLogoutEndpoint();
        Outbound.relayState(relayState, sp.relayStateMaxBytes());
        IdentityProvider current = idp.get();
        String destination = Outbound.endpoint(current, current.singleLogoutServices(), IdentityProvider.HTTP_REDIRECT,
                "SingleLogoutService");
        String id = ids.next();
        byte[] xml = OutboundMessages.logoutRequest(id, sp.clock().instant(), destination, sp, who.nameId(),
                who.nameIdFormat(), who.sessionIndex().map(List::of).orElse(List.of()));
        String query = RedirectBinding.query("SAMLRequest", xml, relayState, sp.signingKey());
        return new LogoutRedirect(RedirectBinding.url(destination, query), id, relayState);
    }

    /**
     * Validates the IdP's LogoutResponse to the LogoutRequest {@code expectedRequestId}: signature (when present or
     * required), Issuer, Destination, InResponseTo, IssueInstant, one-time use, and a Success status (a
     * non-Success status is STATUS_NOT_SUCCESS; PartialLogout under Success is reported in the outcome).
     */
    public LogoutOutcome validateResponse(String rawQueryString, String expectedRequestId) {
        if (expectedRequestId == null || expectedRequestId.isBlank()) {
            throw new IllegalArgumentException("expectedRequestId must be the messageId of the LogoutRedirect the"
                    + " host sent");
        }
        requireLogoutEndpoint();
        InboundLogout.Received r = inbound.receive(rawQueryString, "SAMLResponse", "LogoutResponse", idp.get());
        String inResponseTo = r.root().getAttributeNS(null, "InResponseTo");
        if (!expectedRequestId.equals(inResponseTo)) {
            throw new SamlValidationException(Reason.IN_RESPONSE_TO_MISMATCH, "The LogoutResponse answers "
                    + (inResponseTo.isEmpty() ? "no request" : "another LogoutRequest") + "; expected InResponseTo '"
                    + expectedRequestId + "'.");
        }
        List<String> status = InboundLogout.statusCodes(r.root());
        if (status.isEmpty() || !SUCCESS.equals(status.get(0))) {
            throw new SamlValidationException(Reason.STATUS_NOT_SUCCESS, "The IdP answered the LogoutRequest with"
                    + " status " + (status.isEmpty() ? "(none)" : String.join(" / ", status)) + ": the IdP session"
                    + " may still be active.");
        }
        inbound.remember(r, "LogoutResponse");
        return new LogoutOutcome(inResponseTo, r.relayState(), status.contains(PARTIAL), r.signed());
    }

    /**
     * Validates an IdP-initiated LogoutRequest: signature (when present or required), Issuer, Destination,
     * IssueInstant and NotOnOrAfter, NameID, one-time use. The host then ends the sessions it names.
     */
    public IdpLogoutRequest validateRequest(String rawQueryString) {
        requireLogoutEndpoint();
        InboundLogout.Received r = inbound.receive(rawQueryString, "SAMLRequest", "LogoutRequest", idp.get());
        inbound.notExpired(r.root());
        InboundLogout.Name nameId = InboundLogout.nameId(r.root());
        IdpLogoutRequest request = new IdpLogoutRequest(r.root().getAttributeNS(null, "ID"), r.issuer(),
                nameId.value(), nameId.format(), InboundLogout.sessionIndexes(r.root()), r.relayState(), r.issued(),
                r.signed());
        inbound.remember(r, "LogoutRequest");
        return request;
    }

    /** The LogoutResponse (status Success) to a validated IdP-initiated request, echoing its RelayState. */
    public LogoutRedirect response(IdpLogoutRequest request) {
        return response(request, SUCCESS);
    }

    /**
     * The LogoutResponse to a validated request with a top-level status such as
     * {@code urn:oasis:names:tc:SAML:2.0:status:Responder} when the host could not end the session.
     */
    public LogoutRedirect response(IdpLogoutRequest request, String statusCode) {
        Objects.requireNonNull(request, "request");
        if (!Objects.requireNonNull(statusCode, "statusCode").startsWith("urn:oasis:names:tc:SAML:2.0:status:")) {
            throw new IllegalArgumentException("statusCode must be a SAML 2.0 status URI, e.g. "
                    + SUCCESS + "; found '" + statusCode + "'");
        }
        IdentityProvider current = idp.get();
        String destination = Outbound.endpoint(current, current.singleLogoutServices(), IdentityProvider.HTTP_REDIRECT,
                "SingleLogoutService");
        String id = ids.next();
        byte[] xml = OutboundMessages.logoutResponse(id, sp.clock().instant(), destination, sp, request.id(),
                statusCode, Optional.empty());
        String query = RedirectBinding.query("SAMLResponse", xml, request.relayState(), sp.signingKey());
        return new LogoutRedirect(RedirectBinding.url(destination, query), id, request.relayState());
    }

    private void requireLogoutEndpoint() {
        if (sp.singleLogoutService().isEmpty()) {
            throw new IllegalStateException("Single logout needs this SP's logout URL: set"
                    + " ServiceProvider.builder().singleLogoutService(\"https://.../saml/logout\") and register it as"
                    + " the Logout URL of the Azure enterprise app.");
        }
    }
}
