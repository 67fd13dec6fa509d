package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built artifact, as README's first command runs it: {@code java -jar sample-app/target/fedbroker-sample-app.jar}
 * with {@code PORT} set. It must start in dev mode, serve the home page, print the generated SCIM token once, and
 * that token must open the SCIM endpoint. Runs in Maven's integration-test phase, after the jar is repackaged.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "fedbroker-sample-app.jar");

    @Test
    void jarWhenStartedWithPortThenServesHomeAndPrintsAWorkingScimTokenOnce() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        int port = TestApp.freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().remove("FEDBROKER_SCIM_TOKEN");
        builder.environment().remove("FEDBROKER_MODE");
        Process app = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            List<String> seen = new ArrayList<>();
            String token = tokenLine(lines, seen, Instant.now().plus(Duration.ofSeconds(120)))
                    .orElseThrow(() -> new AssertionError("no SCIM token printed; output:\n" + String.join("\n", seen)));
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> scim = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/scim/v2/Users?filter=userName%20eq%20%22alice%40contoso.example%22"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Sign in to your AWS accounts");
            assertThat(scim.statusCode()).isEqualTo(200);
            assertThat(scim.body()).contains("\"totalResults\":1");
            assertThat(String.join("\n", seen).split(token, -1)).as("the token is printed exactly once").hasSize(2);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(Files.exists(JAR)).isTrue();
    }

    /** Reads output until the line after "shown once", which holds the token. */
    private static Optional<String> tokenLine(BlockingQueue<String> lines, List<String> seen, Instant deadline)
            throws InterruptedException {
        boolean next = false;
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (next) {
                return Optional.of(line.trim());
            }
            next = line.contains("shown once");
        }
        return Optional.empty();
    }
}
