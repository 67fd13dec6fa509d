package dev.fedbroker.sample.web;

import dev.fedbroker.aws.AwsSignIn;
import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.AwsConsole;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The broker's own IdP metadata toward AWS, for each account's IAM SAML provider
 * ({@code aws iam create-saml-provider --name fedbroker --saml-metadata-document file://broker-idp.xml}).
 * Thread-safe.
 */
@Controller
public class BrokerMetadataController {

    private final AwsConsole console;
    private final AppUrls urls;

    public BrokerMetadataController(AwsConsole console, AppUrls urls) {
        this.console = console;
        this.urls = urls;
    }

    @GetMapping("/saml/idp/metadata")
    public ResponseEntity<String> metadata() {
        AwsSignIn signIn = console.signIn().orElseThrow(() -> new PageException(404, "AWS_SIGN_IN_NOT_CONFIGURED",
                "Console sign-in is not set up", "This broker has no signing key toward AWS.",
                "Set FEDBROKER_AWS_SIGNING_KEY and FEDBROKER_AWS_SIGNING_CERTIFICATE."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .header("Content-Disposition", "inline; filename=\"fedbroker-idp-metadata.xml\"")
                .body(signIn.metadata(URI.create(urls.at("/portal"))).xml());
    }
}
