package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.nio.charset.StandardCharsets;

/**
 * Jackson, configured once: exact decimals, duplicate keys and trailing content rejected, and limits on body size,
 * nesting depth and string length. Every parse failure becomes a {@link ScimException}, never a Jackson type.
 * Thread-safe.
 */
public final class JsonCodec {
    /** Default limits: 1 MiB bodies (also the advertised bulk maxPayloadSize), depth 32, strings of 100,000 chars. */
    public static final JsonCodec DEFAULT = new JsonCodec(1_048_576, 32, 100_000);

    private final int maxBodyBytes;
    private final int maxDepth;
    private final int maxStringLength;
    private final ObjectMapper mapper;

    public JsonCodec(int maxBodyBytes, int maxDepth, int maxStringLength) {
        if (maxBodyBytes < 1024 || maxDepth < 8 || maxStringLength < 1024) {
            throw new IllegalArgumentException("limits too small for SCIM: body >= 1024 bytes, depth >= 8, strings "
                    + ">= 1024 chars; found " + maxBodyBytes + ", " + maxDepth + ", " + maxStringLength);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.maxDepth = maxDepth;
        this.maxStringLength = maxStringLength;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(64)
                        .maxNameLength(1024)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(JsonValues.nodes())
                .build();
    }

    /** The largest body accepted, in UTF-8 bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A JSON body that must be an object. */
    public ObjectNode parseObject(String body) {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The request body must be a JSON object; found a "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return (ObjectNode) node;
    }

    /** Any JSON value. */
    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The request body is empty; expected a JSON object.");
        }
        // Cheap upper bound first (a char is at most 3 UTF-8 bytes), exact count only when needed.
        if ((long) body.length() * 3 > maxBodyBytes && body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            throw new ScimException(ScimErrorType.PAYLOAD_TOO_LARGE, "The request body is larger than "
                    + maxBodyBytes + " bytes; send smaller requests (for bulk, fewer operations).");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The request body holds no JSON value.");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The JSON body exceeds a limit (nesting depth "
                    + maxDepth + ", string length " + maxStringLength + ", number length 64).", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The request body is not valid JSON" + where
                    + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The request body could not be read as JSON.", e);
        }
    }

    /** Compact JSON text of a node. */
    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
