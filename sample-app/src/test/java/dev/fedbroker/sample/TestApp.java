package dev.fedbroker.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample app, started for real (embedded Tomcat) on a random free port, as {@code java -jar} would start it.
 * One per test class: each has its own in-memory directory and replay cache.
 */
final class TestApp implements AutoCloseable {

    /** The SCIM bearer token the tests configure. */
    static final String SCIM_TOKEN = "test-scim-token-0123456789abcdef";

    private final ConfigurableApplicationContext context;
    private final URI base;

    private TestApp(ConfigurableApplicationContext context, URI base) {
        this.context = context;
        this.base = base;
    }

    /** Dev mode with a known SCIM token, plus {@code extraArgs} ({@code --name=value}). */
    static TestApp start(String... extraArgs) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--fedbroker.scim-token=" + SCIM_TOKEN,
                "--logging.level.root=WARN", "--logging.level.dev.fedbroker=WARN"));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .run(args.toArray(String[]::new));
        return new TestApp(context, URI.create("http://localhost:" + port));
    }

    URI base() {
        return base;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    TestBrowser browser() {
        return new TestBrowser(base);
    }

    @Override
    public void close() {
        context.close();
    }

    /** A port free right now (the app binds it a moment later; the SAML URLs must be known before it starts). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
