package dev.fedbroker.cli;

import dev.fedbroker.cli.SignatureReport.Reference;
import java.io.PrintStream;
import java.util.List;

/** Renders an {@link Inspection} for people: sections, aligned columns, the XML last. Stateless. */
final class InspectionText {

    private InspectionText() {
    }

    static void print(PrintStream out, Inspection in) {
        out.println("File         " + in.file() + " (" + in.format() + ")");
        out.println("Now          " + in.now() + " (clock skew " + Relative.amount(in.skew()) + ")");
        if (in.error().isPresent()) {
            out.println("Decoded      NO: " + in.error().get());
            verdict(out, in);
            return;
        }
        SamlFacts facts = in.facts().orElseThrow();
        out.println("Root         " + facts.root() + (facts.isResponse() ? "" : " (NOT a SAML 2.0 Response)"));
        section(out, "Message");
        int width = facts.fields().stream().mapToInt(f -> f.label().length()).max().orElse(0);
        facts.fields().forEach(f -> out.println("  " + pad(f.label(), width) + "  " + f.value()));
        encrypted(out, in);
        signatures(out, in);
        section(out, "Times (relative to now; judged with the clock skew)");
        int tw = facts.times().stream().mapToInt(t -> t.label().length()).max().orElse(0);
        for (SamlFacts.Time t : facts.times()) {
            String relative = t.instant().map(i -> Relative.to(in.now(), i)).orElse("");
            String judged = in.judge(t);
            out.println(("  " + pad(t.label(), tw) + "  " + pad(t.text(), 24) + "  " + pad(relative, 14) + "  "
                    + judged).stripTrailing());
        }
        claims(out, facts.claims());
        verdict(out, in);
        section(out, "XML (indented for reading, long base64 values shortened; --json keeps them whole)");
        out.print(in.xml().orElse(""));
        in.decrypted().ifPresent(x -> {
            section(out, "Decrypted assertion");
            out.print(x);
        });
    }

    private static void encrypted(PrintStream out, Inspection in) {
        for (EncryptedAssertions.Found f : in.encrypted()) {
            section(out, "Encrypted assertion");
            out.println("  Content        " + f.contentAlgorithm());
            out.println("  Key transport  " + f.keyTransport());
            out.println("  Outcome        " + f.outcome());
        }
    }

    private static void signatures(PrintStream out, Inspection in) {
        section(out, "Signatures (" + in.signatures().size() + ")");
        if (in.signatures().isEmpty()) {
            out.println("  none: nothing in this document is signed");
        }
        for (SignatureReport s : in.signatures()) {
            out.println("  " + s.element() + s.elementId().map(id -> " " + id).orElse("") + ": " + s.status());
            out.println("    " + s.detail());
            out.println("    algorithm      " + s.signatureAlgorithm());
            out.println("    c14n           " + s.canonicalization());
            for (Reference r : s.references()) {
                out.println("    reference      URI=\"" + r.uri() + "\" " + (r.coversElement()
                        ? "(covers the signed element)" : "(does NOT name the element that holds the signature)"));
                out.println("      digest       " + r.digestAlgorithm());
                r.transforms().forEach(t -> out.println("      transform    " + t));
            }
            s.keyInfoCertificate().ifPresentOrElse(c -> {
                out.println("    KeyInfo cert   SHA-256 " + c.sha256() + (s.keyInfoTrusted() ? " (a trusted certificate)"
                        : " (UNTRUSTED: sent with the message)"));
                out.println("                   " + c.subject() + ", not after " + c.notAfter());
            }, () -> out.println("    KeyInfo cert   none"));
        }
    }

    private static void claims(PrintStream out, List<SamlFacts.Claim> claims) {
        section(out, "Claims (" + claims.size() + ")");
        int width = Math.max(4, claims.stream().mapToInt(c -> c.name().length()).max().orElse(0));
        out.println("  " + pad("NAME", width) + "  VALUE");
        for (SamlFacts.Claim c : claims) {
            if (c.values().isEmpty()) {
                out.println("  " + pad(c.name(), width) + "  (no value)");
            }
            for (int i = 0; i < c.values().size(); i++) {
                out.println("  " + pad(i == 0 ? c.name() : "", width) + "  " + c.values().get(i));
            }
        }
    }

    private static void verdict(PrintStream out, Inspection in) {
        section(out, "validate would say");
        Inspection.Outcome v = in.verdict();
        if (!v.ran()) {
            out.println("  (not run: " + v.why() + ")");
        } else if (v.valid()) {
            out.println("  VALID");
            v.identity().ifPresent(id -> out.println("  nameId " + id.nameId() + ", assertion "
                    + id.assertionId().orElse("?") + ", valid until " + id.validUntil().map(Object::toString)
                    .orElse("?")));
        } else {
            out.println("  REJECTED " + v.reason().orElse("") + ": " + v.message());
        }
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println("== " + title);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
