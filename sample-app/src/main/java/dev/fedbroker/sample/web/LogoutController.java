package dev.fedbroker.sample.web;

import dev.fedbroker.core.Identity;
import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.security.PendingMessage;
import dev.fedbroker.sample.security.SignedIn;
import dev.fedbroker.saml.IdpLogoutRequest;
import dev.fedbroker.saml.LogoutRedirect;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sign-out: the local session ends at once; then, when the IdP publishes a logout endpoint, SAML single logout
 * (HTTP-Redirect) ends the IdP session too. Also answers IdP-initiated logout. Thread-safe.
 */
@Controller
public class LogoutController {

    private static final Logger LOG = LoggerFactory.getLogger(LogoutController.class);
    private static final URI SIGNED_OUT = URI.create("/?signedOut");

    private final ServiceProvider sp;
    private final AppUrls urls;

    public LogoutController(ServiceProvider sp, AppUrls urls) {
        this.sp = sp;
        this.urls = urls;
    }

    /** The Sign out button (a POST with the CSRF token, so another site cannot sign the user out). */
    @PostMapping("/saml/logout")
    public ResponseEntity<Void> signOut(HttpServletRequest request, HttpServletResponse response) {
        Optional<Identity> who = SignedIn.current(request);
        SignedIn.end(request);
        if (who.isPresent() && !sp.identityProvider().singleLogoutServices().isEmpty()) {
            LogoutRedirect redirect = sp.singleLogout().request(who.get());
            PendingMessage.LOGOUT.remember(response, redirect.messageId(), urls.https());
            return redirect(HttpStatus.FOUND, redirect.url());
        }
        return redirect(HttpStatus.SEE_OTHER, SIGNED_OUT);
    }

    /** The IdP's answer to our LogoutRequest, or an IdP-initiated LogoutRequest (HTTP-Redirect binding). */
    @GetMapping("/saml/logout")
    public ResponseEntity<Void> fromIdp(HttpServletRequest request, HttpServletResponse response) {
        String query = Optional.ofNullable(request.getQueryString()).orElse("");
        try {
            if (request.getParameter("SAMLResponse") != null) {
                Optional<String> pending = PendingMessage.LOGOUT.messageId(request);
                PendingMessage.LOGOUT.forget(response, urls.https());
                if (pending.isEmpty()) {
                    return redirect(HttpStatus.SEE_OTHER, SIGNED_OUT);   // signed out locally already
                }
                sp.singleLogout().validateResponse(query, pending.get());
                return redirect(HttpStatus.SEE_OTHER, SIGNED_OUT);
            }
            if (request.getParameter("SAMLRequest") != null) {
                IdpLogoutRequest idpRequest = sp.singleLogout().validateRequest(query);
                Optional<Identity> who = SignedIn.current(request);
                if (who.isPresent() && who.get().nameId().equals(idpRequest.nameId())
                        && who.get().sessionIndex().map(idpRequest::covers).orElse(true)) {
                    SignedIn.end(request);
                }
                return redirect(HttpStatus.FOUND, sp.singleLogout().response(idpRequest).url());
            }
        } catch (SamlValidationException e) {
            LOG.info("Logout message rejected: {}", e.reason());
            throw PageException.samlRejected(e, "Logout message refused");
        }
        return redirect(HttpStatus.SEE_OTHER, URI.create("/"));
    }

    private static ResponseEntity<Void> redirect(HttpStatus status, URI location) {
        return ResponseEntity.status(status).location(location).build();
    }
}
