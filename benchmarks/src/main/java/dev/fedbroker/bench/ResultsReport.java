package dev.fedbroker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns JMH's JSON results (plus the facts benchmarks recorded) into {@code results/latest.md}: one table of every
 * benchmark, fedbroker vs its peer, the ratio, the target and whether it was met, then the environment. Run by
 * run.sh; {@code main(--json F --out F [--facts F] [--options S] [--load S] [--mode S])}. Stateless, so
 * thread-safe.
 */
public final class ResultsReport {

    private static final String B = "dev.fedbroker.bench.";

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--json") || !a.containsKey("--out")) {
            throw new IllegalArgumentException("usage: ResultsReport --json results.json --out latest.md"
                    + " [--facts facts.properties] [--options 'JMH options'] [--load 'load averages'] [--mode short]");
        }
        Properties facts = new Properties();
        Path factsFile = a.containsKey("--facts") ? Path.of(a.get("--facts")) : null;
        if (factsFile != null && Files.exists(factsFile)) {
            facts.load(new StringReader(Files.readString(factsFile, StandardCharsets.UTF_8)));
        }
        String md = render(Files.readString(Path.of(a.get("--json")), StandardCharsets.UTF_8), facts,
                a.getOrDefault("--options", "(not given)"), a.getOrDefault("--load", "(not measured)"),
                a.getOrDefault("--mode", "short"));
        Files.writeString(Path.of(a.get("--out")), md, StandardCharsets.UTF_8);
    }

    /** One JMH result: score, its error, unit, and bytes allocated per operation (NaN without -prof gc). */
    record Score(double score, double error, String unit, double allocPerOp) {
    }

    /** Results keyed {@code Class.method} or {@code Class.method[param=value]...}, parameters in name order. */
    static Map<String, Score> scores(String json) throws IOException {
        Map<String, Score> out = new LinkedHashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(json)) {
            String name = r.path("benchmark").asText().replace(B, "");
            StringBuilder key = new StringBuilder(name);
            // Parameters in name order, whatever order JMH wrote them in.
            new TreeMap<String, JsonNode>(r.path("params").properties().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((param, value) -> key.append('[').append(param).append('=').append(value.asText())
                            .append(']'));
            JsonNode pm = r.path("primaryMetric");
            double alloc = Double.NaN;
            for (var s : r.path("secondaryMetrics").properties()) {
                if (s.getKey().replaceAll("^[^a-z]+", "").equals("gc.alloc.rate.norm")) {
                    alloc = s.getValue().path("score").asDouble();
                }
            }
            out.put(key.toString(), new Score(pm.path("score").asDouble(), pm.path("scoreError").asDouble(),
                    pm.path("scoreUnit").asText(), alloc));
        }
        return out;
    }

    static String render(String json, Properties facts, String options, String load, String mode) throws IOException {
        Map<String, Score> s = scores(json);
        Table t = new Table(s);
        for (String v : List.of("ASSERTION_SIGNED", "RESPONSE_SIGNED", "ENCRYPTED")) {
            String p = "[variant=" + v + "]";
            String label = "SAML validation, " + v.toLowerCase(Locale.ROOT).replace('_', ' ');
            t.speedup(label + " (vs java-saml, best settings)", "SamlValidationBenchmark.fedbroker" + p,
                    "SamlValidationBenchmark.javaSaml" + p, 10, "≥ 10×");
            t.speedup(label + " (vs java-saml, XSD validation on: its default)",
                    "SamlValidationBenchmark.fedbroker" + p,
                    "SamlValidationBenchmark.javaSamlXsd" + p, 10, "≥ 10×");
        }
        t.single("Floor: secure DOM parse", "FloorBenchmark.parse");
        t.single("Floor: RSA-2048 SHA-256 verify", "FloorBenchmark.rsaVerify");
        t.single("Floor: exc-C14N + SHA-256 of the assertion", "FloorBenchmark.c14nDigest");
        List<String> floor = List.of("FloorBenchmark.parse", "FloorBenchmark.rsaVerify", "FloorBenchmark.c14nDigest");
        t.floor("SAML validation (assertion signed) vs floor sum", "Floor: sum of the three stages",
                "SamlValidationBenchmark.fedbroker[variant=ASSERTION_SIGNED]", floor, 1.5);
        t.single("Floor, encrypted only: RSA-2048 OAEP unwrap of the AES key", "FloorBenchmark.rsaOaepUnwrap");
        t.floor("SAML validation (encrypted) vs floor sum + unwrap", "Floor: the three stages + unwrap",
                "SamlValidationBenchmark.fedbroker[variant=ENCRYPTED]",
                List.of(floor.get(0), floor.get(1), floor.get(2), "FloorBenchmark.rsaOaepUnwrap"), 0);
        t.perSecond("Entitlement resolution, user in 150 groups (all 150 assigned: ~850 pairs), large policy",
                "ResolutionBenchmark.resolve150Groups[assignedGroups=150]", 50_000);
        t.perSecond("Entitlement resolution, user in 150 groups (10 assigned: ~55 pairs), large policy",
                "ResolutionBenchmark.resolve150Groups[assignedGroups=10]", 50_000);
        t.single("Policy load (JSON → Policy → indexed resolver), large policy", "PolicyLoadBenchmark.load");
        for (String c : List.of("SIMPLE", "COMPLEX")) {
            String p = "[filter=" + c + "]";
            String label = "SCIM filter " + c.toLowerCase(Locale.ROOT);
            t.speedup(label + ": parse (vs UnboundID)", "ScimFilterBenchmark.fedbrokerParse" + p,
                    "ScimFilterBenchmark.unboundidParse" + p, 0, "");
            t.speedup(label + ": parse + evaluate (vs UnboundID)", "ScimFilterBenchmark.fedbrokerParseEvaluate" + p,
                    "ScimFilterBenchmark.unboundidParseEvaluate" + p, 3, "≥ 3×");
        }
        for (String live : List.of("10000", "1000000")) {
            t.single("Replay cache put-if-absent, in memory, " + String.format(Locale.ROOT, "%,d",
                    Integer.parseInt(live)) + " live entries", "ReplayCacheBenchmark.putFresh[live=" + live
                    + "][store=memory]");
        }
        t.single("Replay cache put-if-absent, JDBC on embedded H2, 10,000 live rows",
                "JdbcReplayCacheBenchmark.putFresh[database=h2]");
        t.single("Replay cache put-if-absent, JDBC on PostgreSQL (local, fsync off), 10,000 live rows",
                "JdbcReplayCacheBenchmark.putFresh[database=postgresql]");
        t.scaling("SAML validation throughput, 2 threads vs 1 (one shared ServiceProvider)",
                "SamlThroughputBenchmark.twoThreads", "SamlThroughputBenchmark.oneThread", 1.8);

        StringBuilder md = new StringBuilder();
        md.append("# fedbroker benchmarks: latest results\n\n");
        md.append("Produced by `benchmarks/run.sh").append(mode.equals("full") ? " --full" : "").append("` on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)).append(" (")
                .append(mode).append(" configuration). Ratios: how many times faster fedbroker is than the peer (peer")
                .append(" time / fedbroker time); for the floor, fedbroker's validation time / the floor stages' sum;")
                .append(" for threads, 2-thread / 1-thread throughput. ± is JMH's 99.9% error.\n\n");
        md.append(t.markdown());
        md.append(cpuCrossCheck(facts));
        md.append("\n## Facts recorded by the benchmarks\n\n");
        if (facts.isEmpty()) {
            md.append("(none)\n");
        } else {
            facts.stringPropertyNames().stream().sorted().forEach(k -> md.append("- ").append(k).append(": ")
                    .append(facts.getProperty(k)).append('\n'));
        }
        md.append("\n## Environment\n\n");
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor"))
                .append(")\n");
        md.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append(", OS: ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        md.append("- CPU: ").append(cpuModel()).append('\n');
        md.append("- load average (1 min) sampled during the run: ").append(load).append('\n');
        md.append("- JMH options: `").append(options.trim()).append("`\n");
        return md.toString();
    }

    /** The CPU-time cross-check ({@link CpuTimeCheck}) as a few lines, when run.sh ran it. */
    static String cpuCrossCheck(Properties facts) {
        String ours = facts.getProperty("cpu.fedbroker.assertionSigned.us");
        String theirs = facts.getProperty("cpu.javaSaml.assertionSigned.us");
        String parse = facts.getProperty("cpu.floor.parse.us");
        String verify = facts.getProperty("cpu.floor.rsaVerify.us");
        String c14n = facts.getProperty("cpu.floor.c14nDigest.us");
        if (ours == null || theirs == null || parse == null || verify == null || c14n == null) {
            return "";
        }
        double o = Double.parseDouble(ours);
        double floor = Double.parseDouble(parse) + Double.parseDouble(verify) + Double.parseDouble(c14n);
        return "\n## CPU-time cross-check (assertion signed)\n\n"
                + "Thread CPU time per operation, fedbroker, java-saml (best settings) and the floor stages measured in"
                + " one JVM in interleaved rounds (medians of 4 rounds after 5 warm-up rounds), so that neighbours on a"
                + " shared machine weigh on all of them alike:\n\n"
                + "| measure | µs CPU/op | ratio | target | met |\n|---|---:|---:|---|---|\n"
                + "| fedbroker validation | " + ours + " | | | |\n"
                + "| java-saml validation | " + theirs + " | " + Table.fmt(Double.parseDouble(theirs) / o)
                + "× slower | ≥ 10× | " + (Double.parseDouble(theirs) / o >= 10 ? "yes" : "**no**") + " |\n"
                + "| floor: parse " + parse + " + verify " + verify + " + C14N digest " + c14n + " | "
                + Table.fmt(floor) + " | fedbroker = " + Table.fmt(o / floor) + "× the floor | ≤ 1.5× | "
                + (o / floor <= 1.5 ? "yes" : "**no**") + " |\n";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say so below
        }
        return "(unknown)";
    }
}
