package dev.fedbroker.sample;

import dev.fedbroker.sample.security.ScimBearerToken;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the app where to go. In dev mode without FEDBROKER_SCIM_TOKEN it prints the generated
 * SCIM token once, to the console only (never to the log): the one secret the app shows, by design.
 */
@Component
public class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final AppUrls urls;
    private final SampleSettings settings;
    private final ScimBearerToken scimToken;

    public StartupBanner(AppUrls urls, SampleSettings settings, ScimBearerToken scimToken) {
        this.urls = urls;
        this.settings = settings;
        this.scimToken = scimToken;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        LOG.info("fedbroker sample app ready in {} mode: open {}/ (SP metadata: {})", settings.runMode(),
                urls.base(), urls.at("/saml/metadata"));
        scimToken.takeGeneratedToken().ifPresent(token -> {
            PrintStream console = System.out;
            console.println();
            console.println("  fedbroker sample app (development mode): open " + urls.base() + "/");
            console.println("  SCIM endpoint " + urls.at("/scim/v2") + ", generated bearer token (shown once):");
            console.println("    " + token);
            console.println("  Set FEDBROKER_SCIM_TOKEN to choose your own.");
            console.println();
        });
    }
}
