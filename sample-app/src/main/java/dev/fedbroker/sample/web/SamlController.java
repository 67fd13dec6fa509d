package dev.fedbroker.sample.web;

import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Identity;
import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.security.PendingMessage;
import dev.fedbroker.sample.security.SignedIn;
import dev.fedbroker.saml.AuthnRedirect;
import dev.fedbroker.saml.AuthnRequestOptions;
import dev.fedbroker.saml.RedirectTargets;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * SAML sign-in for the portal: SP-initiated login (HTTP-Redirect), the assertion consumer service, this SP's metadata.
 * Logout is in {@link LogoutController}. Thread-safe.
 */
@Controller
public class SamlController {

    private static final Logger LOG = LoggerFactory.getLogger(SamlController.class);
    private static final String DEFAULT_TARGET = "/portal";

    private final ServiceProvider sp;
    private final EntitlementResolver resolver;
    private final AppUrls urls;
    /** Only same-origin relative paths: a RelayState comes back from the browser and is never trusted. */
    private final RedirectTargets targets = RedirectTargets.relativeOnly();

    public SamlController(ServiceProvider sp, EntitlementResolver resolver, AppUrls urls) {
        this.sp = sp;
        this.resolver = resolver;
        this.urls = urls;
    }

    /**
     * Starts an SP-initiated sign-in: 302 to the IdP with a real AuthnRequest; its id is remembered in a short-lived
     * cookie for the ACS. {@code target} (where to land afterwards) travels as RelayState, if it is a safe path.
     */
    @GetMapping("/saml/login")
    public ResponseEntity<Void> login(@RequestParam(name = "target", required = false) String target,
            HttpServletResponse response) {
        String relayState = targets.resolveOr(target, DEFAULT_TARGET);
        AuthnRedirect redirect = sp.authnRequest(AuthnRequestOptions.builder().relayState(relayState).build());
        PendingMessage.SIGN_IN.remember(response, redirect.requestId(), urls.https());
        return ResponseEntity.status(HttpStatus.FOUND).location(redirect.url()).build();
    }

    /**
     * The assertion consumer service. 400 with the reason code for a rejected or malformed response; 403 when the
     * response is valid but grants nothing; otherwise a new session and 303 to the RelayState path or the portal.
     */
    @PostMapping("/saml/acs")
    public ResponseEntity<Void> acs(@RequestParam(name = "SAMLResponse", required = false) String samlResponse,
            @RequestParam(name = "RelayState", required = false) String relayState, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> requestId = PendingMessage.SIGN_IN.messageId(request);
        PendingMessage.SIGN_IN.forget(response, urls.https());   // one answer per AuthnRequest
        if (samlResponse == null || samlResponse.isBlank()) {
            throw new PageException(400, "MISSING_SAML_RESPONSE", "No SAML response",
                    "The request carried no SAMLResponse form field.",
                    "Sign in from this app's Sign in button; the identity provider posts the response here.");
        }
        Identity who;
        try {
            // Without the cookie there is no request to answer: the unsolicited path, refused unless enabled.
            who = requestId.isPresent() ? sp.validate(samlResponse, requestId.get())
                    : sp.validateUnsolicited(samlResponse);
        } catch (SamlValidationException e) {
            LOG.info("SAML response rejected: {}", e.reason());
            throw PageException.samlRejected(e, "Sign-in refused");
        }
        Explanation explanation = resolver.explain(who);
        if (explanation.granted().isEmpty()) {
            throw new PageException(403, "NO_ENTITLEMENT", "No AWS access for this account",
                    "The sign-in is valid, but the policy grants " + PageModels.label(who)
                            + " no AWS account and permission set.",
                    "Ask an administrator to add you to a group that the policy assigns.",
                    explanation.dropped().stream().map(d -> d.reason() + ": " + d.message()).toList());
        }
        SignedIn.start(request, who);
        String target = targets.resolveOr(relayState, DEFAULT_TARGET);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
    }

    /** This SP's metadata, to upload to the Azure enterprise app (Identifier, Reply URL, Logout URL, certificate). */
    @GetMapping(value = "/saml/metadata", produces = "application/samlmetadata+xml")
    public ResponseEntity<String> metadata() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .header("Content-Disposition", "inline; filename=\"fedbroker-sp-metadata.xml\"")
                .body(sp.metadataXml());
    }
}
