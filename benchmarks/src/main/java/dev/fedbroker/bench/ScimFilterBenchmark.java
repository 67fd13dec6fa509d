package dev.fedbroker.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimSchemas;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SCIM filter parse, and parse + evaluate against one realistic user, fedbroker's scim-model vs the UnboundID SCIM 2
 * SDK. Each side evaluates its own in-memory form of the same JSON user (a {@link ScimResource}; a Jackson
 * {@link ObjectNode}), built once in setup; setup also checks that both sides match that user and both reject another.
 *
 * <p>Shared JMH state (Scope.Benchmark): read-only after setup, so thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ScimFilterBenchmark {

    @Param({"SIMPLE", "COMPLEX"})
    public ScimCase filter;

    String text;
    ScimSchemas schemas;
    ScimResource user;
    ObjectNode userNode;

    @Setup(Level.Trial)
    public void setup() throws ScimException, IOException {
        text = filter.filter;
        schemas = ScimSchemas.standard();
        user = ours(ScimCase.USER_JSON);
        userNode = theirs(ScimCase.USER_JSON);
        ScimResource other = ours(ScimCase.OTHER_USER_JSON);
        ObjectNode otherNode = theirs(ScimCase.OTHER_USER_JSON);
        if (!fedbrokerParseEvaluate() || !unboundidParseEvaluate()) {
            throw new IllegalStateException("a side does not match the user with " + text);
        }
        if (ScimFilter.parse(text).matches(other, schemas)
                || FilterEvaluator.evaluate(Filter.fromString(text), otherNode)) {
            throw new IllegalStateException("a side matches the other user with " + text);
        }
    }

    static ScimResource ours(String json) {
        Instant t = Instant.parse("2024-01-15T10:00:00Z");
        return ScimResource.fromJson("User", ScimCase.USER_ID, 1, t, t, json);
    }

    static ObjectNode theirs(String json) throws IOException {
        ObjectNode node = (ObjectNode) JsonUtils.getObjectReader().readTree(json);
        node.put("id", ScimCase.USER_ID);
        return node;
    }

    @Benchmark
    public ScimFilter fedbrokerParse() {
        return ScimFilter.parse(text);
    }

    @Benchmark
    public Filter unboundidParse() throws ScimException {
        return Filter.fromString(text);
    }

    @Benchmark
    public boolean fedbrokerParseEvaluate() {
        return ScimFilter.parse(text).matches(user, schemas);
    }

    @Benchmark
    public boolean unboundidParseEvaluate() throws ScimException {
        return FilterEvaluator.evaluate(Filter.fromString(text), userNode);
    }
}
