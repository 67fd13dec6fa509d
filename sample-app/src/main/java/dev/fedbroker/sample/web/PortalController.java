package dev.fedbroker.sample.web;

import dev.fedbroker.aws.AwsSignInException;
import dev.fedbroker.aws.AwsSignInResponse;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Identity;
import dev.fedbroker.sample.AwsConsole;
import dev.fedbroker.sample.OrgIndex;
import dev.fedbroker.sample.security.CsrfTokens;
import dev.fedbroker.sample.security.SecurityHeadersFilter;
import dev.fedbroker.sample.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's AWS accounts and permission sets, and the "Open console" action. Thread-safe. */
@Controller
public class PortalController {

    private final EntitlementResolver resolver;
    private final OrgIndex org;
    private final Directory directory;
    private final AwsConsole console;

    public PortalController(EntitlementResolver resolver, OrgIndex org, Directory directory, AwsConsole console) {
        this.resolver = resolver;
        this.org = org;
        this.directory = directory;
        this.console = console;
    }

    /** The portal; a visitor who is not signed in is sent to sign in (and brought back here). */
    @GetMapping("/portal")
    public String portal(HttpServletRequest request, Model model) {
        Optional<Identity> who = SignedIn.current(request);
        if (who.isEmpty()) {
            return "redirect:/saml/login?target=/portal";
        }
        model.addAttribute("title", "Your AWS accounts");
        model.addAttribute("portal", PortalView.of(who.get(), resolver.explain(who.get()), org, directory,
                console.enabled()));
        model.addAttribute("csrf", CsrfTokens.tokenFor(request));
        return "portal";
    }

    /**
     * Signs the chosen pair toward AWS and answers with the page that posts it. The choice comes from the browser:
     * {@code AwsSignIn} resolves the user's entitlements again and refuses anything not granted.
     */
    @PostMapping("/portal/console")
    public String openConsole(@RequestParam("account") String account,
            @RequestParam("permissionSet") String permissionSet, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Identity> signedIn = SignedIn.current(request);
        if (signedIn.isEmpty()) {
            return "redirect:/saml/login?target=/portal";
        }
        Identity who = signedIn.get();
        if (console.signIn().isEmpty()) {
            throw new PageException(404, "AWS_SIGN_IN_NOT_CONFIGURED", "Console sign-in is not set up",
                    "This broker has no signing key toward AWS.",
                    "Set FEDBROKER_AWS_SIGNING_KEY and FEDBROKER_AWS_SIGNING_CERTIFICATE.");
        }
        AwsSignInResponse signed;
        try {
            signed = console.signIn().get().signIn(who, account, permissionSet);
        } catch (AwsSignInException e) {
            throw new PageException(403, e.reason().name(), "The console cannot be opened", e.getMessage(),
                    "Choose a pair listed on your portal page; sign in again with multi-factor authentication if"
                            + " the permission set requires it.");
        }
        String action = console.devStandIn().orElse(signed.destination().toString());
        if (console.devStandIn().isEmpty()) {
            URI aws = signed.destination();
            response.setHeader("Content-Security-Policy", SecurityHeadersFilter.cspAllowingFormsTo(
                    aws.getScheme() + "://" + aws.getAuthority()));
        }
        model.addAttribute("title", "Opening the AWS console");
        model.addAttribute("post", new AutoPost(action, List.of(new AutoPost.Field("SAMLResponse",
                signed.samlResponse())), "Signing you in to AWS account " + signed.accountName() + " ("
                + signed.accountId() + ") as " + signed.permissionSet() + "."));
        return "autopost";
    }
}
