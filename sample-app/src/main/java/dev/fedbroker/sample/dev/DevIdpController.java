package dev.fedbroker.sample.dev;

import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.SpKeys;
import dev.fedbroker.sample.security.CsrfTokens;
import dev.fedbroker.sample.web.AutoPost;
import dev.fedbroker.sample.web.PageException;
import dev.fedbroker.testing.ReceivedAuthnRequest;
import dev.fedbroker.testing.ReceivedLogoutRequest;
import dev.fedbroker.testing.TestIdentityProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The development IdP's pages, standing in for Azure AD's sign-in: it reads the real HTTP-Redirect AuthnRequest
 * (verifying the SP's signature), checks it as Azure would (known Issuer, registered Reply URL), lets the person pick
 * a provisioned user, and posts a real signed SAMLResponse to the ACS. Also answers SP-initiated logout. Thread-safe.
 */
@Controller
@ConditionalOnProperty(name = "fedbroker.mode", havingValue = "dev", matchIfMissing = true)
public class DevIdpController {

    private final DevTenant tenant;
    private final AppUrls urls;
    private final Optional<X509Certificate> spCertificate;

    public DevIdpController(DevTenant tenant, AppUrls urls, SpKeys keys) {
        this.tenant = tenant;
        this.urls = urls;
        this.spCertificate = keys.spSigning().map(k -> k.certificate());
    }

    /** The sign-in page, reached through the SP's redirect with {@code SAMLRequest} (and RelayState, signature). */
    @GetMapping("/dev/idp/login")
    public String loginPage(HttpServletRequest request, Model model) {
        String query = Optional.ofNullable(request.getQueryString()).orElse("");
        ReceivedAuthnRequest authn = accept(query);
        List<UserChoice> users = new ArrayList<>();
        for (DevUser u : tenant.users()) {
            int groups = tenant.groupsOf(u).size();
            users.add(new UserChoice(u.userName(), u.displayName(), u.about().orElse("Provisioned through SCIM"),
                    groups + (groups == 1 ? " group" : " groups") + (groups > DevTenant.GROUP_CLAIM_LIMIT
                            ? " (over Azure's limit of " + DevTenant.GROUP_CLAIM_LIMIT + ": overage link)" : ""),
                    u.mfa() ? "password and multi-factor" : "password only"));
        }
        model.addAttribute("title", "Development identity provider");
        model.addAttribute("issuer", authn.issuer());
        model.addAttribute("authnRequest", query);
        model.addAttribute("users", users);
        model.addAttribute("csrf", CsrfTokens.tokenFor(request));
        return "dev-idp";
    }

    /** The chosen user signs in: a signed response, auto-posted to the ACS with the RelayState. */
    @PostMapping("/dev/idp/login")
    public String signIn(@RequestParam("authnRequest") String query, @RequestParam("user") String userName,
            Model model) {
        ReceivedAuthnRequest authn = accept(query);
        DevUser user = tenant.user(userName).orElseThrow(() -> new PageException(400, "AADSTS50034",
                "Unknown user", "This user is not in the development tenant (or is not active).",
                "Go back and choose a listed user, or provision the user through SCIM first."));
        List<AutoPost.Field> fields = new ArrayList<>();
        fields.add(new AutoPost.Field("SAMLResponse", tenant.signIn(authn, user)));
        authn.relayState().ifPresent(r -> fields.add(new AutoPost.Field("RelayState", r)));
        model.addAttribute("title", "Signing in");
        model.addAttribute("post", new AutoPost(authn.assertionConsumerServiceUrl().orElse(urls.acs()), fields,
                "Signing in to fedbroker as " + user.displayName() + "."));
        return "autopost";
    }

    /** SP-initiated logout: the IdP session ends (there is none to keep here) and a signed LogoutResponse goes back. */
    @GetMapping("/dev/idp/logout")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        String url = urls.at("/dev/idp/logout?") + Optional.ofNullable(request.getQueryString()).orElse("");
        TestIdentityProvider idp = tenant.identityProvider();
        ReceivedLogoutRequest logout;
        try {
            logout = spCertificate.map(c -> idp.acceptLogoutRequest(url, c)).orElseGet(() -> idp.acceptLogoutRequest(url));
        } catch (IllegalArgumentException e) {
            throw rejected("AADSTS_LOGOUT_REQUEST_INVALID", e);
        }
        String answer = idp.logoutResponse(logout).sendTo(urls.at("/saml/logout")).redirectUrl();
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(answer)).build();
    }

    /** The dev IdP's federation metadata (what the SP trusts), as Azure serves its App Federation Metadata. */
    @GetMapping("/dev/idp/metadata")
    public ResponseEntity<String> metadata() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(tenant.metadataXml());
    }

    /** Reads and checks the AuthnRequest as Azure AD would. */
    private ReceivedAuthnRequest accept(String query) {
        String url = urls.at("/dev/idp/login?") + query;
        TestIdentityProvider idp = tenant.identityProvider();
        ReceivedAuthnRequest authn;
        try {
            authn = spCertificate.map(c -> idp.acceptAuthnRequest(url, c)).orElseGet(() -> idp.acceptAuthnRequest(url));
        } catch (IllegalArgumentException e) {
            throw rejected("AADSTS750054", e);
        }
        if (!authn.issuer().equals(urls.spEntityId())) {
            throw new PageException(400, "AADSTS700016", "Unknown application",
                    "The AuthnRequest's Issuer is not the identifier of an application in this tenant.",
                    "Set FEDBROKER_SP_ENTITY_ID to the enterprise app's Identifier (Entity ID).");
        }
        if (authn.assertionConsumerServiceUrl().isPresent()
                && !authn.assertionConsumerServiceUrl().get().equals(urls.acs())) {
            throw new PageException(400, "AADSTS50011", "Reply URL mismatch",
                    "The AuthnRequest asks for a reply URL that is not registered for the application.",
                    "Register " + urls.acs() + " as the app's Reply URL.");
        }
        return authn;
    }

    private static PageException rejected(String code, IllegalArgumentException e) {
        return new PageException(400, code, "The identity provider cannot read this request",
                "The SAML request is missing, malformed, or its signature does not verify.",
                "Start again with the Sign in button of the app.", List.of(String.valueOf(e.getMessage())));
    }

    /**
     * One user on the sign-in page.
     *
     * @param userName    the UPN
     * @param displayName the display name
     * @param about       what the user demonstrates
     * @param groups      how many groups, and whether over the token limit
     * @param methods     how the user authenticates
     */
    public record UserChoice(String userName, String displayName, String about, String groups, String methods) {
    }
}
