package dev.fedbroker.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders an {@link Inspection} as one JSON object, fields in a fixed order, absent values {@code null}. */
final class InspectionJson {

    private InspectionJson() {
    }

    static ObjectNode write(CliContext context, Inspection in) {
        ObjectNode n = context.object();
        n.put("file", in.file());
        n.put("format", in.format());
        n.put("now", in.now().toString());
        n.put("clockSkew", in.skew().toString());
        n.put("decoded", in.error().isEmpty());
        n.put("error", in.error().orElse(null));
        n.put("root", in.facts().map(SamlFacts::root).orElse(null));
        ObjectNode fields = n.putObject("fields");
        ArrayNode audiences = fields.putArray("audiences");
        in.facts().ifPresent(f -> f.fields().forEach(x -> {
            if (x.key().equals("audience")) {
                audiences.add(x.value());
            } else {
                fields.put(x.key(), x.value());
            }
        }));
        ArrayNode encrypted = n.putArray("encryptedAssertions");
        in.encrypted().forEach(e -> encrypted.addObject().put("contentAlgorithm", e.contentAlgorithm())
                .put("keyTransport", e.keyTransport()).put("decrypted", e.decrypted()).put("outcome", e.outcome()));
        ArrayNode signatures = n.putArray("signatures");
        for (SignatureReport s : in.signatures()) {
            ObjectNode o = signatures.addObject();
            o.put("element", s.element());
            o.put("elementId", s.elementId().orElse(null));
            o.put("status", s.status().name());
            o.put("verifiedBy", s.verifiedBy().orElse(null));
            o.put("detail", s.detail());
            o.put("signatureAlgorithm", s.signatureAlgorithm());
            o.put("canonicalization", s.canonicalization());
            ArrayNode refs = o.putArray("references");
            s.references().forEach(r -> {
                ObjectNode ro = refs.addObject().put("uri", r.uri()).put("coversElement", r.coversElement())
                        .put("digestAlgorithm", r.digestAlgorithm());
                ArrayNode t = ro.putArray("transforms");
                r.transforms().forEach(t::add);
            });
            if (s.keyInfoCertificate().isPresent()) {
                SignatureReport.CertificateInfo c = s.keyInfoCertificate().get();
                o.putObject("keyInfoCertificate").put("sha256", c.sha256()).put("subject", c.subject())
                        .put("notAfter", c.notAfter()).put("trusted", s.keyInfoTrusted());
            } else {
                o.putNull("keyInfoCertificate");
            }
        }
        ArrayNode times = n.putArray("times");
        in.facts().ifPresent(f -> f.times().forEach(t -> {
            ObjectNode o = times.addObject().put("name", t.label()).put("value", t.text());
            o.put("relative", t.instant().map(i -> Relative.to(in.now(), i)).orElse(null));
            o.put("secondsFromNow", t.instant().map(i -> i.getEpochSecond() - in.now().getEpochSecond())
                    .orElse(null));
            String judged = in.judge(t);
            o.put("judgement", judged.isEmpty() ? null : judged);
        }));
        ArrayNode claims = n.putArray("claims");
        in.facts().ifPresent(f -> f.claims().forEach(c -> {
            ArrayNode values = claims.addObject().put("name", c.name()).putArray("values");
            c.values().forEach(values::add);
        }));
        Inspection.Outcome v = in.verdict();
        ObjectNode verdict = n.putObject("validate");
        verdict.put("ran", v.ran());
        verdict.put("valid", v.ran() ? v.valid() : null);
        verdict.put("reason", v.reason().orElse(null));
        verdict.put("message", v.ran() ? v.message() : v.why());
        if (v.identity().isPresent()) {
            verdict.set("identity", IdentityJson.write(context, v.identity().get()));
        } else {
            verdict.putNull("identity");
        }
        n.put("xml", in.xml().orElse(null));
        n.put("decryptedAssertionXml", in.decrypted().orElse(null));
        return n;
    }
}
