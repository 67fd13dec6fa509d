package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.TestCredential;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IdP metadata over HTTP from a tiny server on loopback: refresh, failures kept out, limits, no redirects. */
class MetadataSourceHttpTest {

    private final SpSide f = new SpSide();
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer server;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metadata", exchange -> {
            hits.incrementAndGet();
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            if (status.get() == 302) {
                exchange.getResponseHeaders().add("Location", "https://evil.example/metadata");
            }
            exchange.sendResponseHeaders(status.get(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metadata?appid=1234");
        body.set(f.idp.metadataXml());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MetadataSource.Builder source() {
        return MetadataSource.fromUrl(url).allowHttp(true).clock(f.clock).refreshInterval(Duration.ofHours(6));
    }

    @Test
    void refreshIfDueWhenServedMetadataChangesThenNewCertificateTrusted() {
        MetadataSource source = source().build();
        body.set(f.idp.withAdditionalSigningCredential(TestCredential.shared("azure-idp-next")).metadataXml());

        f.clock.advance(Duration.ofHours(6));

        assertThat(source.refreshIfDue()).isTrue();
        assertThat(source.current().signingCertificates()).hasSize(2);
        assertThat(source.status().source()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort()
                + "/metadata");
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void refreshWhenServerErrorThenMetadataUnavailableAndLastGoodKept() {
        MetadataSource source = source().build();
        status.set(500);
        body.set("<error/>");

        assertThat(source.refresh().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_UNAVAILABLE);
        assertThat(source.current().entityId()).isEqualTo(f.idp.entityId());
    }

    @Test
    void refreshWhenServerRedirectsThenNotFollowed() {
        MetadataSource source = source().build();
        status.set(302);
        body.set("");

        assertThat(source.refresh().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_UNAVAILABLE);
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void refreshWhenBodyAboveSizeLimitThenMetadataUnavailable() {
        MetadataSource source = source().maxBytes(body.get().length() + 10).build();
        body.set(f.idp.metadataXml() + " ".repeat(100));

        assertThat(source.refresh().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_UNAVAILABLE);
    }

    @Test
    void refreshWhenServerReturnsGarbageThenMetadataMalformedAndServiceProviderStillValidates() {
        MetadataSource source = source().build();
        ServiceProvider sp = f.builder().identityProvider(source).build();
        body.set("{\"error\":\"not xml\"}");
        f.clock.advance(Duration.ofHours(6));

        assertThat(sp.validate(f.idp.response().inResponseTo("_r").base64(), "_r").nameId()).isNotBlank();
        assertThat(source.status().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_MALFORMED);
    }

    @Test
    void buildWhenPlainHttpNotAllowedThenIllegalState() {
        assertThatThrownBy(() -> MetadataSource.fromUrl(url).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MetadataSource.fromUrl(URI.create("file:///etc/passwd")).allowHttp(true).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildWhenNothingListensThenMetadataUnavailable() {
        server.stop(0);

        assertThat(SpSide.reasonOf(() -> source().connectTimeout(Duration.ofSeconds(2)).build()))
                .isEqualTo(Reason.METADATA_UNAVAILABLE);
    }

    @Test
    void schedulerWhenGivenThenRefreshesOffTheValidationPath() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (MetadataSource source = source().scheduler(executor, Duration.ofMillis(20)).build()) {
            body.set(f.idp.withAdditionalSigningCredential(TestCredential.shared("azure-idp-next")).metadataXml());
            f.clock.advance(Duration.ofHours(6));
            for (int i = 0; i < 500 && source.current().signingCertificates().size() < 2; i++) {
                Thread.sleep(20);
            }
            assertThat(source.current().signingCertificates()).hasSize(2);
        } finally {
            executor.shutdownNow();
        }
    }
}
