package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.Hostile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * One shared ServiceProvider (and so one pooled parser) under many threads that interleave genuine responses with
 * every kind of parse failure, limit hit and signature attack. A pooled builder left dirty by a failure, or state
 * shared between calls, would show up as a wrong identity, a wrong reason or a foreign exception.
 */
class ConcurrentHostileInputTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 4;

    private final Fixture f = new Fixture();

    /** An input and what it must produce: an identity with this NameID, or this reason. */
    private record Case(String base64, String nameId, Reason reason) { }

    private List<Case> hostileCases() {
        String xml = f.response().xml();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(Fixture.b64("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"), null,
                Reason.DOCTYPE_FORBIDDEN));
        cases.add(new Case(Fixture.b64("<samlp:Response xmlns:samlp=\"" + Xml.SAMLP + "\">" + "<a>".repeat(200)
                + "</a>".repeat(200) + "</samlp:Response>"), null, Reason.TOO_LARGE));
        cases.add(new Case(Fixture.b64(xml.substring(0, xml.length() / 2)), null, Reason.MALFORMED));
        cases.add(new Case(Fixture.b64("<?xml version=\"1.1\"?>" + xml), null, Reason.MALFORMED));
        cases.add(new Case(Base64.getEncoder().encodeToString(("<?xml version=\"1.0\" encoding=\"UTF-32\"?>" + xml)
                .getBytes(java.nio.charset.Charset.forName("UTF-32"))), null, Reason.MALFORMED));
        cases.add(new Case(Fixture.b64(Hostile.xsw3(f.response().xml())), null, Reason.MULTIPLE_ASSERTIONS));
        cases.add(new Case(Fixture.b64(xml.replace(">alice@contoso.example<", ">admin@contoso.example<")), null,
                Reason.SIGNATURE_INVALID));
        cases.add(new Case(Fixture.b64(f.response().signWith(Fixture.attacker()).xml()), null, Reason.UNTRUSTED_KEY));
        cases.add(new Case(Fixture.b64(xml.replaceFirst("<samlp:Status>", Matcher.quoteReplacement(
                "<samlp:Extensions><x " + attributes(40) + "/></samlp:Extensions><samlp:Status>"))), null, Reason.TOO_LARGE));
        String cbc = new TestEncryptor(Fixture.spEncryption().certificate()).cbc().lastPlaintextByte(0)
                .inResponse(xml, TestEncryptor.assertionOf(xml));
        cases.add(new Case(Fixture.b64(cbc), null, Reason.DECRYPTION_FAILED));
        return cases;
    }

    private static String attributes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("a").append(i).append("=\"1\" ");
        }
        return sb.toString();
    }

    @Test
    void validateWhenThreadsInterleaveGenuineAndHostileInputThenEachGetsItsOwnOutcome() throws Exception {
        ServiceProvider sp = f.sp();
        List<Case> hostile = hostileCases();
        List<List<Case>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Case> mine = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                String name = "user-" + t + "-" + r + "@contoso.example";
                String genuine = r % 2 == 0 ? f.response().nameId(name).base64()
                        : Fixture.b64(new TestEncryptor(Fixture.spEncryption().certificate())
                        .inResponse(f.response().xml(), TestEncryptor.assertionOf(f.response().nameId(name).xml())));
                mine.add(new Case(genuine, name, null));
                mine.addAll(hostile);
            }
            perThread.add(mine);
        }
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (List<Case> mine : perThread) {
            pool.submit(() -> {
                start.await();
                for (Case c : mine) {
                    failures.addAll(check(sp, c));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
    }

    private static List<String> check(ServiceProvider sp, Case c) {
        try {
            Identity who = sp.validate(c.base64(), Fixture.REQUEST_ID);
            return c.nameId() != null && c.nameId().equals(who.nameId()) ? List.of()
                    : List.of("accepted as " + who.nameId() + ", expected " + (c.nameId() != null ? c.nameId() : c.reason()));
        } catch (SamlValidationException e) {
            return e.reason() == c.reason() ? List.of() : List.of("rejected with " + e.reason() + " (" + e.getMessage()
                    + "), expected " + (c.nameId() != null ? c.nameId() : c.reason()));
        } catch (Throwable t) {
            return List.of("threw " + t + " on input of " + new String(Base64.getDecoder().decode(c.base64()),
                    StandardCharsets.ISO_8859_1).length() + " bytes");
        }
    }
}
