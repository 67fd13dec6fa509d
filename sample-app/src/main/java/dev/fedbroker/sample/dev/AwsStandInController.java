package dev.fedbroker.sample.dev;

import dev.fedbroker.sample.web.PageException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /dev/aws-signin}: where "Open console" posts in dev mode instead of AWS. Thread-safe. */
@Controller
@ConditionalOnProperty(name = "fedbroker.mode", havingValue = "dev", matchIfMissing = true)
public class AwsStandInController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AwsStandIn standIn;

    public AwsStandInController(AwsStandIn standIn) {
        this.standIn = standIn;
    }

    @PostMapping("/dev/aws-signin")
    public String signIn(@RequestParam(name = "SAMLResponse", required = false) String samlResponse, Model model) {
        if (samlResponse == null || samlResponse.isBlank()) {
            throw new PageException(400, "MISSING_SAML_RESPONSE", "No SAML response",
                    "AWS expects a SAMLResponse form field.", "Use the Open console button of the portal.");
        }
        AwsSession session = standIn.accept(samlResponse);
        model.addAttribute("title", "AWS sign-in (stand-in)");
        model.addAttribute("session", session);
        model.addAttribute("durationText", session.duration().toMinutes() % 60 == 0
                ? session.duration().toHours() + " h" : session.duration().toMinutes() + " min");
        model.addAttribute("expires", TIME.format(session.expiresAt()));
        model.addAttribute("tags", session.sessionTags().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).sorted().toList());
        model.addAttribute("hasTags", !session.sessionTags().isEmpty());
        return "aws-signin";
    }
}
