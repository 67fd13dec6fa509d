package dev.fedbroker.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyException;
import dev.fedbroker.core.PolicyProblem;
import dev.fedbroker.core.PolicyProblem.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses policy JSON with Jackson's streaming parser only (no data binding, so no polymorphic typing), under limits
 * on document size, nesting depth and string lengths. Thread-safe once built.
 */
public final class PolicyJson {

    /** Deep enough for the AWS maximum of 5 unit levels many times over; each unit level costs 2 JSON levels. */
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 16 * 1024;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_NUMBER_LENGTH = 64;

    private final JsonFactory factory;
    private final int maxBytes;

    public PolicyJson(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxBytes)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
    }

    public int maxBytes() {
        return maxBytes;
    }

    public Policy parse(byte[] json, int length) {
        try (JsonParser parser = factory.createParser(json, 0, length)) {
            return parse(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only from close(), which cannot fail on an array
        }
    }

    public Policy parse(String json) {
        try (JsonParser parser = factory.createParser(json)) {
            return parse(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Policy parse(JsonParser parser) {
        JsonTree.Node root;
        try {
            root = JsonTree.read(parser);
        } catch (StreamConstraintsException e) {
            throw single(pathOf(parser.getParsingContext()), Code.LIMIT_EXCEEDED, e.getOriginalMessage()
                    + ". Policies are limited to " + MAX_NESTING_DEPTH + " levels of nesting and strings of "
                    + MAX_STRING_LENGTH + " characters; simplify the document.", locationOf(e));
        } catch (JsonTree.TrailingContentException e) {
            throw single("$", Code.MALFORMED_JSON, "expected a single JSON object, found more content after it;"
                    + " remove it.", Optional.of(e.location()));
        } catch (JsonTree.EmptyInputException e) {
            throw single("$", Code.MALFORMED_JSON, "expected a JSON object, found no content at all.", Optional.empty());
        } catch (JsonProcessingException e) {
            throw single(pathOf(parser.getParsingContext()), Code.MALFORMED_JSON, "expected well-formed JSON: "
                    + e.getOriginalMessage(), locationOf(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PolicyJsonReader.read(root);
    }

    public static PolicyException single(String path, Code code, String message, Optional<PolicyProblem.Location> at) {
        return new PolicyException(List.of(new PolicyProblem(path, code, message, at)));
    }

    private static Optional<PolicyProblem.Location> locationOf(JsonProcessingException e) {
        return Optional.ofNullable(e.getLocation()).map(JsonTree::location);
    }

    /** The JSON path of the parser's position, e.g. {@code $.assignments[3].target}. */
    static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append(parts.get(i));
        }
        return sb.toString();
    }
}
