package dev.fedbroker.core.internal;

import dev.fedbroker.core.PolicyProblem;
import dev.fedbroker.core.PolicyProblem.Code;
import dev.fedbroker.core.internal.JsonTree.Arr;
import dev.fedbroker.core.internal.JsonTree.Key;
import dev.fedbroker.core.internal.JsonTree.Node;
import dev.fedbroker.core.internal.JsonTree.Obj;
import dev.fedbroker.core.internal.JsonTree.Scalar;
import dev.fedbroker.core.internal.JsonTree.Type;
import dev.fedbroker.core.internal.PolicyDraft.Named;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the fields of one JSON object, reporting unknown, repeated, missing and wrongly typed fields into a
 * shared problem list. Absent or null optional fields read as empty.
 */
final class JsonFields {

    private final Obj obj;
    private final String path;
    private final List<PolicyProblem> problems;

    private JsonFields(Obj obj, String path, List<PolicyProblem> problems) {
        this.obj = obj;
        this.path = path;
        this.problems = problems;
    }

    /** The fields of {@code node}, or empty (and a WRONG_TYPE problem) when it is not an object. */
    static Optional<JsonFields> of(Node node, String path, Set<String> allowed, List<PolicyProblem> problems) {
        if (!(node instanceof Obj obj)) {
            problems.add(wrongType(node, path, "an object"));
            return Optional.empty();
        }
        for (String name : obj.fields().keySet()) {
            if (!allowed.contains(name)) {
                problems.add(new PolicyProblem(path + "." + name, Code.UNKNOWN_FIELD, "field \"" + name
                        + "\" is not part of the policy format; expected one of " + new TreeSet<>(allowed)
                        + " here. Check its spelling and case.", Optional.of(obj.fields().get(name).location())));
            }
        }
        for (Key dup : obj.duplicates()) {
            problems.add(new PolicyProblem(path + "." + dup.name(), Code.DUPLICATE_FIELD, "field \"" + dup.name()
                    + "\" appears more than once in this object; keep one.", Optional.of(dup.location())));
        }
        return Optional.of(new JsonFields(obj, path, problems));
    }

    String path() {
        return path;
    }

    PolicyProblem.Location location() {
        return obj.location();
    }

    boolean has(String name) {
        return present(name) != null;
    }

    /** A string field; null (with a problem when required) when absent or of the wrong type. */
    Named string(String name, boolean required) {
        Node n = present(name);
        if (n == null) {
            if (required) {
                missing(name);
            }
            return null;
        }
        if (n instanceof Scalar s && s.type() == Type.STRING) {
            return new Named(s.text(), path + "." + name, s.location());
        }
        problems.add(wrongType(n, path + "." + name, "a string"));
        return null;
    }

    /** A boolean field; false when absent, null when of the wrong type. */
    Boolean bool(String name) {
        Node n = present(name);
        if (n == null) {
            return Boolean.FALSE;
        }
        if (n instanceof Scalar s && s.type() == Type.BOOLEAN) {
            return Boolean.valueOf(s.text());
        }
        problems.add(wrongType(n, path + "." + name, "a boolean (true or false, without quotes)"));
        return null;
    }

    /** An array field's items; empty when absent (with a problem when required) or of the wrong type. */
    List<Node> array(String name, boolean required) {
        Node n = present(name);
        if (n == null) {
            if (required) {
                missing(name);
            }
            return List.of();
        }
        if (n instanceof Arr a) {
            return a.items();
        }
        problems.add(wrongType(n, path + "." + name, "an array"));
        return List.of();
    }

    /** A field's raw node, or null (with a problem when required) when absent. */
    Node node(String name, boolean required) {
        Node n = present(name);
        if (n == null && required) {
            missing(name);
        }
        return n;
    }

    void add(PolicyProblem problem) {
        problems.add(problem);
    }

    private Node present(String name) {
        Node n = obj.fields().get(name);
        return n instanceof Scalar s && s.type() == Type.NULL ? null : n;
    }

    private void missing(String name) {
        boolean isNull = obj.fields().containsKey(name);
        problems.add(new PolicyProblem(path + "." + name, Code.MISSING_FIELD, "required field \"" + name + "\" is "
                + (isNull ? "null" : "missing") + " in this object; add it.", Optional.of(obj.location())));
    }

    static PolicyProblem wrongType(Node n, String path, String expected) {
        String found = n.describe() + (n instanceof Scalar s && s.type() != Type.NULL
                ? " (" + PolicyRules.quote(s.text()) + ")" : "");
        return new PolicyProblem(path, Code.WRONG_TYPE, "expected " + expected + ", found " + found + ".",
                Optional.of(n.location()));
    }
}
