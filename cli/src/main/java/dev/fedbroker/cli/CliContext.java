package dev.fedbroker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One invocation's streams and default clock. Commands write results to {@link #out()}, and errors through
 * {@link #error(String)} only, so that every error is exactly one line. Not shared between invocations.
 */
final class CliContext {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private boolean stdinUsed;

    CliContext(PrintStream out, PrintStream err, InputStream in, Clock clock) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
    }

    PrintStream out() {
        return out;
    }

    /** Standard input, for the first {@code -} argument; a second one is a usage error (the stream is consumed). */
    InputStream stdin() {
        if (stdinUsed) {
            throw new UsageException("standard input ('-') can be read only once per invocation");
        }
        stdinUsed = true;
        return in;
    }

    /** {@code --now} when given, else the clock's instant to the second (read once per command). */
    Instant now(Optional<Instant> given) {
        return given.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ObjectMapper mapper() {
        return json;
    }

    /** Writes {@code node} as one line of JSON. */
    void printJsonLine(ObjectNode node) {
        try {
            out.println(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** One line on standard error, prefixed with {@code fedbroker: }; line breaks in the message become spaces. */
    void error(String message) {
        String text = message == null ? "unknown error" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        err.println("fedbroker: " + text);
    }
}
