package dev.fedbroker.aws.internal;

import dev.fedbroker.aws.AwsSignInException;
import dev.fedbroker.aws.AwsSignInException.Reason;
import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which identity attributes become AWS session tags ({@code PrincipalTag:<key>}), and which tag keys are transitive.
 * Checked against AWS's limits at construction. Immutable; thread-safe.
 */
public final class SessionTagMapping {

    public static final String PRINCIPAL_TAG = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";
    public static final String TRANSITIVE_TAG_KEYS = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";

    private final Map<String, String> attributeByKey;
    private final Set<String> transitiveKeys;

    /**
     * @param attributeByKey tag key → name of the identity attribute whose value it carries, in the order to send
     * @param transitiveKeys tag keys to mark transitive, each one of the mapped keys
     * @throws IllegalArgumentException when a key breaks AWS's rules, keys repeat (ignoring case), there are more
     *                                  than 50, or a transitive key is not mapped
     */
    public SessionTagMapping(Map<String, String> attributeByKey, Set<String> transitiveKeys) {
        if (attributeByKey.size() > SessionTagRules.MAX_TAGS) {
            throw new IllegalArgumentException("AWS accepts at most " + SessionTagRules.MAX_TAGS
                    + " session tags; " + attributeByKey.size() + " are configured");
        }
        Set<String> seen = new HashSet<>();
        attributeByKey.forEach((key, attribute) -> {
            SessionTagRules.keyProblem(key).ifPresent(p -> {
                throw new IllegalArgumentException("Session tag key '" + key + "': " + p);
            });
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Session tag key '" + key + "' is configured twice (AWS compares "
                        + "tag keys ignoring case)");
            }
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("Session tag '" + key + "' needs an attribute name");
            }
        });
        for (String key : transitiveKeys) {
            if (!attributeByKey.containsKey(key)) {
                throw new IllegalArgumentException("Transitive tag key '" + key + "' is not a configured session tag; "
                        + "configured: " + attributeByKey.keySet());
            }
        }
        this.attributeByKey = Collections.unmodifiableMap(new LinkedHashMap<>(attributeByKey));
        this.transitiveKeys = Collections.unmodifiableSet(new LinkedHashSet<>(transitiveKeys));
    }

    /** No session tags. */
    public static SessionTagMapping none() {
        return new SessionTagMapping(Map.of(), Set.of());
    }

    /**
     * The PrincipalTag attributes for {@code identity} (a tag whose attribute the identity lacks is left out), then
     * TransitiveTagKeys for the transitive ones that are present.
     *
     * @throws AwsSignInException with {@link Reason#INVALID_SESSION_TAG} when an attribute has several values or a
     *                            value AWS refuses: AWS would refuse the whole sign-in, and dropping the tag could
     *                            widen what tag-based policies allow
     */
    public List<SamlAttribute> attributesFor(Identity identity) {
        List<SamlAttribute> attributes = new ArrayList<>();
        List<String> transitive = new ArrayList<>();
        attributeByKey.forEach((key, attributeName) -> {
            List<String> values = identity.attributes().getOrDefault(attributeName, List.of());
            if (values.isEmpty()) {
                return;
            }
            if (values.size() > 1) {
                throw new AwsSignInException(Reason.INVALID_SESSION_TAG, "Session tag '" + key + "' comes from "
                        + "attribute " + attributeName + ", which has " + values.size() + " values; AWS takes one "
                        + "value per tag. Map a single-valued attribute to this tag.");
            }
            Optional<String> problem = SessionTagRules.valueProblem(values.get(0));
            if (problem.isPresent()) {
                throw new AwsSignInException(Reason.INVALID_SESSION_TAG, "Session tag '" + key + "' from attribute "
                        + attributeName + ": " + problem.get() + ". Fix the value in the directory, or map "
                        + "another attribute.");
            }
            attributes.add(SamlAttribute.of(PRINCIPAL_TAG + key, values.get(0)));
            if (transitiveKeys.contains(key)) {
                transitive.add(key);
            }
        });
        if (!transitive.isEmpty()) {
            attributes.add(new SamlAttribute(TRANSITIVE_TAG_KEYS, transitive));
        }
        return attributes;
    }
}
