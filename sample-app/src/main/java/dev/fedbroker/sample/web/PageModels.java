package dev.fedbroker.sample.web;

import dev.fedbroker.core.Identity;
import dev.fedbroker.sample.SampleSettings;
import dev.fedbroker.sample.security.CsrfTokens;
import dev.fedbroker.sample.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the {@code page} model (header, footer) to every page. Thread-safe. */
@ControllerAdvice
public class PageModels {

    private final boolean devMode;

    public PageModels(SampleSettings settings) {
        this.devMode = settings.runMode() == SampleSettings.Mode.DEV;
    }

    @ModelAttribute("page")
    public PageModel page(HttpServletRequest request) {
        Optional<Identity> who = SignedIn.current(request);
        return new PageModel(devMode, who.isPresent(), who.map(PageModels::label).orElse(""),
                who.isPresent() ? CsrfTokens.tokenFor(request) : "",
                devMode ? "development mode (embedded IdP, seeded users, AWS stand-in)" : "Azure AD mode");
    }

    /** "Alice Anders (alice@contoso.example)", or the NameID. */
    public static String label(Identity who) {
        String upn = who.upn().orElse(who.nameId());
        return who.displayName().map(d -> d + " (" + upn + ")").orElse(upn);
    }
}
