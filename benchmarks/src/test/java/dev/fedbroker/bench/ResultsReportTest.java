package dev.fedbroker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The report turns JMH JSON into the table: ratios, targets and the environment. */
class ResultsReportTest {

    private static String result(String benchmark, String params, double score, String unit) {
        return "{\"benchmark\": \"dev.fedbroker.bench." + benchmark + "\", \"params\": {" + params + "},"
                + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": 1.0, \"scoreUnit\": \"" + unit
                + "\"},"
                + " \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": 2048.0, \"scoreUnit\": \"B/op\"}}}";
    }

    @Test
    void cpuCrossCheckWhenAllFactsThenRatiosToPeerAndFloor() {
        Properties facts = new Properties();
        facts.setProperty("cpu.fedbroker.assertionSigned.us", "120.0");
        facts.setProperty("cpu.javaSaml.assertionSigned.us", "3600.0");
        facts.setProperty("cpu.floor.parse.us", "25.0");
        facts.setProperty("cpu.floor.rsaVerify.us", "35.0");
        facts.setProperty("cpu.floor.c14nDigest.us", "30.0");

        String md = ResultsReport.cpuCrossCheck(facts);

        assertThat(md).contains("| java-saml validation | 3600.0 | 30.00× slower | ≥ 10× | yes |");
        assertThat(md).contains("| 90.00 | fedbroker = 1.333× the floor | ≤ 1.5× | yes |");
    }

    @Test
    void renderWhenPeerIsSlowerThenRatioAndTargetMet() throws Exception {
        String v = "\"variant\": \"ASSERTION_SIGNED\"";
        String json = "[" + String.join(",",
                result("SamlValidationBenchmark.fedbroker", v, 100, "us/op"),
                result("SamlValidationBenchmark.javaSaml", v, 1500, "us/op"),
                result("FloorBenchmark.parse", "", 30, "us/op"),
                result("FloorBenchmark.rsaVerify", "", 30, "us/op"),
                result("FloorBenchmark.c14nDigest", "", 20, "us/op"),
                result("ResolutionBenchmark.resolve150Groups", "\"assignedGroups\": \"150\"", 40, "us/op"),
                result("SamlThroughputBenchmark.oneThread", "", 1000, "ops/s"),
                result("SamlThroughputBenchmark.twoThreads", "", 1900, "ops/s")) + "]";
        Properties facts = new Properties();
        facts.setProperty("policy.retainedBytes", "123");

        String md = ResultsReport.render(json, facts, "-f 1", "1.0 .. 2.0", "short");

        assertThat(md).contains("| SAML validation, assertion signed (vs java-saml, best settings) | 100.0 ± 1.000 |"
                + " 1,500 ± 1.000 | us/op | 15.00× | ≥ 10× | yes | 2,048 | 2,048 |");
        assertThat(md).contains("| SAML validation (assertion signed) vs floor sum | 100.0 ± 1.000 | 80.00 | us/op |"
                + " 1.250× the floor | ≤ 1.5× | yes |");
        assertThat(md).contains("25,000 /s/core | ≥ 50,000 /s/core | **no**");
        assertThat(md).contains("| 1,900 ± 1.000 | 1,000 ± 1.000 | ops/s | 1.900× | ≥ 1.8× | yes |");
        assertThat(md).contains("SAML validation, encrypted (vs java-saml, best settings) | — | — |  | n/a");
        assertThat(md).doesNotContain("CPU-time cross-check");
        assertThat(md).contains("- policy.retainedBytes: 123").contains("- JMH options: `-f 1`").contains("cores: ");
    }
}
