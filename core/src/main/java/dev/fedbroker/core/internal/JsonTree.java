package dev.fedbroker.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fedbroker.core.PolicyProblem.Location;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree that remembers where each value was written and which object keys were repeated, so that
 * every policy problem can name its line and column. Built from Jackson's streaming parser (no data binding, hence
 * no polymorphic typing), without recursion.
 */
public final class JsonTree {

    private JsonTree() {
    }

    /** A JSON value and where it starts. */
    public sealed interface Node permits Obj, Arr, Scalar {
        Location location();

        /** "an object", "an array", "a string", ...: for messages. */
        String describe();
    }

    /** A JSON object; {@code duplicates} lists repeated keys (the first value is kept). */
    public record Obj(Map<String, Node> fields, List<Key> duplicates, Location location) implements Node {
        @Override
        public String describe() {
            return "an object";
        }
    }

    /** A repeated key and where it was repeated. */
    public record Key(String name, Location location) {
    }

    /** A JSON array. */
    public record Arr(List<Node> items, Location location) implements Node {
        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A string, number, boolean or null; {@code text} is the string value or the literal. */
    public record Scalar(Type type, String text, Location location) implements Node {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }
    }

    /** Scalar types. */
    public enum Type {
        STRING, NUMBER, BOOLEAN, NULL
    }

    /**
     * Reads exactly one JSON value from the parser, and nothing after it.
     *
     * @throws IOException            on malformed JSON or a broken parser limit (Jackson's exceptions)
     * @throws TrailingContentException when something follows the value
     * @throws EmptyInputException      when there is no value at all
     */
    public static Node read(JsonParser parser) throws IOException {
        Deque<Object> containers = new ArrayDeque<>(); // Obj or Arr under construction
        Deque<String> pendingKeys = new ArrayDeque<>();
        Node result = null;
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new EmptyInputException();
        }
        while (token != null) {
            Location at = location(parser.currentTokenLocation());
            Node completed = null;
            switch (token) {
                case START_OBJECT -> containers.push(new Obj(new LinkedHashMap<>(), new ArrayList<>(), at));
                case START_ARRAY -> containers.push(new Arr(new ArrayList<>(), at));
                case END_OBJECT, END_ARRAY -> completed = (Node) containers.pop();
                case FIELD_NAME -> pendingKeys.push(parser.currentName());
                case VALUE_STRING -> completed = new Scalar(Type.STRING, parser.getText(), at);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> completed = new Scalar(Type.NUMBER, parser.getText(), at);
                case VALUE_TRUE, VALUE_FALSE -> completed = new Scalar(Type.BOOLEAN, parser.getText(), at);
                case VALUE_NULL -> completed = new Scalar(Type.NULL, "null", at);
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
            if (completed != null) {
                if (containers.isEmpty()) {
                    result = completed;
                    break;
                }
                attach(containers.peek(), pendingKeys, completed);
            }
            token = parser.nextToken();
        }
        if (parser.nextToken() != null) {
            throw new TrailingContentException(location(parser.currentTokenLocation()));
        }
        return result;
    }

    private static void attach(Object parent, Deque<String> pendingKeys, Node child) {
        if (parent instanceof Arr arr) {
            arr.items().add(child);
            return;
        }
        Obj obj = (Obj) parent;
        String key = pendingKeys.pop();
        if (obj.fields().putIfAbsent(key, child) != null) {
            obj.duplicates().add(new Key(key, child.location()));
        }
    }

    public static Location location(JsonLocation l) {
        return new Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** Something follows the single top-level value. */
    public static final class TrailingContentException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Location location;

        TrailingContentException(Location location) {
            super("unexpected content after the top-level object");
            this.location = location;
        }

        public Location location() {
            return location;
        }
    }

    /** The input holds no JSON value. */
    public static final class EmptyInputException extends IOException {
        private static final long serialVersionUID = 1L;

        EmptyInputException() {
            super("the input is empty");
        }
    }
}
