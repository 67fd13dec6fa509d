package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.testing.ResponseBuilder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever is done to a genuine response (bytes flipped, snippets inserted, elements moved, copied or
 * removed, attributes copied or rewritten, namespaces swapped or rebound), validation ends in either the very
 * Identity the IdP signed, field for field, or a SamlValidationException; never another exception and never another
 * identity; and what is accepted also verifies with the JDK's own XML-DSig (KeyInfo aside: it is never read).
 * Seeded and deterministic: {@code -Dfedbroker.fuzz.seed=N -Dfedbroker.fuzz.iterations=N} to explore.
 */
class MutationFuzzTest {

    private static final long SEED = Long.getLong("fedbroker.fuzz.seed", 0x5A3L);
    private static final int ITERATIONS = Integer.getInteger("fedbroker.fuzz.iterations", 3000);

    private final Fixture f = new Fixture();
    /** Fresh for every call (the property is about reading, not replay): a cache that always says "first use". */
    private final ServiceProvider sp = f.builder().replayCache((key, until) -> true).build();

    /** One seed: how mutated bytes are posted, the identity the untouched seed yields, signatures that must stay. */
    private record Seed(String name, String xml, Function<byte[], byte[]> post, Identity expected, int visibleSignatures) { }

    /** Fixed IDs and time, so that one seed always replays the same mutations on the same text. */
    private ResponseBuilder response() {
        return f.response().responseId("_fuzz-response").assertionId("_fuzz-assertion")
                .objectId("0b7e1c55-0000-4000-8000-000000000001");
    }

    private List<Seed> seeds() {
        f.clock.set(Instant.parse("2030-01-01T10:00:00Z"));
        List<Seed> seeds = new ArrayList<>();
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("assertion-signed", response().groups(List.of("g-1", "g-2")).roles(List.of("Admin")).xml());
        plain.put("response-signed", response().signResponse().groups(List.of("g-1")).xml());
        plain.put("both-signed", response().signBoth().awsRoles(List.of(
                "arn:aws:iam::111111111111:role/R,arn:aws:iam::111111111111:saml-provider/P")).xml());
        plain.put("encrypted-cbc-both-signed", response().signBoth().encryptFor(Fixture.spEncryption().certificate())
                .contentEncryption("http://www.w3.org/2001/04/xmlenc#aes256-cbc").xml());
        plain.put("encrypted-gcm-assertion-signed", response().encryptFor(Fixture.spEncryption().certificate())
                .groupsOverage().xml());
        // signatures outside any ciphertext that must remain: one, unless an encrypted assertion carries its own
        Map<String, Integer> signatures = Map.of("assertion-signed", 1, "response-signed", 1, "both-signed", 1,
                "encrypted-cbc-both-signed", 0, "encrypted-gcm-assertion-signed", 0);
        plain.forEach((name, xml) -> seeds.add(new Seed(name, xml, b -> b, accept(xml.getBytes(StandardCharsets.UTF_8)),
                signatures.get(name))));
        // the decrypted path: mutate the signed assertion's plaintext, then encrypt it as any attacker can
        String host = response().groups(List.of("g-3")).xml();
        TestEncryptor encryptor = new TestEncryptor(Fixture.spEncryption().certificate());
        Function<byte[], byte[]> encrypt = b -> encryptor.inResponse(host, new String(b, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String assertion = TestEncryptor.assertionOf(host);
        seeds.add(new Seed("plaintext-of-encrypted", assertion, encrypt,
                accept(encrypt.apply(assertion.getBytes(StandardCharsets.UTF_8))), 1));
        return seeds;
    }

    private Identity accept(byte[] xml) {
        return sp.validate(Base64.getEncoder().encodeToString(xml), Fixture.REQUEST_ID);
    }

    @Test
    void validateWhenGenuineResponsesAreMutatedThenEveryOutcomeIsTheSignedIdentityOrARejection() {
        List<Seed> seeds = seeds();
        assertThat(seeds).allSatisfy(s -> assertThat(s.expected().nameId()).isEqualTo("alice@contoso.example"));
        Random random = new Random(SEED);
        ResponseMutator mutator = new ResponseMutator(random);
        List<String> violations = new ArrayList<>();
        PublicKey key = f.idp.signingCredential().publicKey();
        int accepted = 0;
        for (int i = 0; i < ITERATIONS && violations.size() < 5; i++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            byte[] mutated = mutator.mutate(seed.xml());
            try {
                Identity who = accept(seed.post().apply(mutated));
                accepted++;
                if (!who.equals(seed.expected())) {
                    violations.add(describe(i, seed, mutated, "a different identity: " + who));
                } else if (!jdkAgrees(mutated, key, seed)) {
                    violations.add(describe(i, seed, mutated, "accepted, but the JDK's XML-DSig disagrees"));
                }
            } catch (SamlValidationException rejected) {
                // the other acceptable outcome
            } catch (Throwable t) { // any other Throwable, Errors included, is the bug this test hunts
                violations.add(describe(i, seed, mutated, t.toString()));
            }
        }
        assertThat(violations).as("seed %d", SEED).isEmpty();
        assertThat(accepted).as("some mutations are invisible to the signature (comments, prefixes, KeyInfo...)")
                .isPositive();
    }

    /**
     * Every signature left in the accepted document (a mutation may drop the Response's signature when the assertion's
     * suffices) verifies with the JDK, and a plain seed keeps at least one.
     */
    private static boolean jdkAgrees(byte[] mutated, PublicKey key, Seed seed) throws Exception {
        byte[] bare = withoutKeyInfo(mutated);
        int present = Xml.all(Xml.parse(new String(bare, StandardCharsets.UTF_8)), Xml.DS, "Signature").size();
        return JdkCrossCheckTest.jdkVerifiesAll(bare, key) == present && present >= seed.visibleSignatures();
    }

    /**
     * The document as the JDK should see it: the KeyInfo that no signature covers (the outermost signature's) removed,
     * since the JDK unmarshals it (and may choke on it) while fedbroker never reads it; and comments dropped and CDATA
     * and adjacent text merged everywhere, which no exclusive C14N digest can see but which the JDK's parser of
     * covered KeyInfo certificates trips over.
     */
    private static byte[] withoutKeyInfo(byte[] xml) {
        org.w3c.dom.Document doc = Xml.parse(new String(xml, StandardCharsets.UTF_8));
        org.w3c.dom.Element root = doc.getDocumentElement();
        boolean responseSigned = Xml.all(doc, Xml.DS, "Signature").stream().anyMatch(g -> g.getParentNode() == root);
        for (org.w3c.dom.Element k : Xml.all(doc, Xml.DS, "KeyInfo")) {
            org.w3c.dom.Node signature = k.getParentNode();
            boolean outermost = signature.getParentNode() == root || !responseSigned;
            if (outermost && Xml.DS.equals(signature.getNamespaceURI()) && "Signature".equals(signature.getLocalName())) {
                signature.removeChild(k);
            }
        }
        doc.getDomConfig().setParameter("comments", false);
        doc.getDomConfig().setParameter("cdata-sections", false);
        doc.normalizeDocument();
        return Xml.serialize(doc).getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(int iteration, Seed seed, byte[] mutated, String what) {
        String xml = new String(mutated, StandardCharsets.UTF_8);
        return "iteration " + iteration + " of seed " + seed.name() + ": " + what + "\n  input: "
                + (xml.length() > 4000 ? xml.substring(0, 4000) + "..." : xml);
    }
}
