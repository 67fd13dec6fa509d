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
    private final URI publicBase;

    private TestApp(ConfigurableApplicationContext context, URI base, URI publicBase) {
        this.context = context;
        this.base = base;
        this.publicBase = publicBase;
    }

    /** Dev mode with a known SCIM token, plus {@code extraArgs} ({@code --name=value}). */
    static TestApp start(String... extraArgs) {
        return startOn(freePort(), extraArgs);
    }

    /** As {@link #start}, on {@code port}. */
    static TestApp startOn(int port, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--fedbroker.scim-token=" + SCIM_TOKEN));
        args.addAll(List.of(extraArgs));
        return run(port, args);
    }

    /** Without a configured SCIM token (dev mode generates one; azure mode refuses to start). */
    static TestApp startWithoutScimToken(String... extraArgs) {
        return run(freePort(), new ArrayList<>(List.of(extraArgs)));
    }

    private static TestApp run(int port, List<String> appArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--logging.level.root=WARN",
                "--logging.level.dev.fedbroker=WARN"));
        args.addAll(appArgs);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .run(args.toArray(String[]::new));
        URI base = URI.create("http://localhost:" + port);
        URI publicBase = args.stream().filter(a -> a.startsWith("--fedbroker.base-url=")).findFirst()
                .map(a -> URI.create(a.substring(a.indexOf('=') + 1))).orElse(base);
        return new TestApp(context, base, publicBase);
    }

    URI base() {
        return base;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * A browser talking to this instance only, also for the app's public URLs when the app runs behind a shared
     * public URL (as a load balancer with sticky sessions would route it).
     */
    TestBrowser browser() {
        return new TestBrowser(base, publicBase);
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
