package dev.fedbroker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.scim.ScimFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the resolution, policy-load and SCIM benchmark methods once through their setup and checks the results. */
class CoreAndScimBenchmarksSmokeTest {

    @ParameterizedTest
    @ValueSource(ints = {150, 10})
    void resolveWhenUserIn150GroupsThenTheNaivelyComputedPairs(int assignedGroups) {
        ResolutionBenchmark bench = new ResolutionBenchmark();
        bench.assignedGroups = assignedGroups;
        bench.setup();
        LargePolicy policy = new LargePolicy();

        List<Entitlement> first = bench.resolve150Groups();
        List<Entitlement> second = bench.resolve150Groups();

        assertThat(bench.users[0].groups()).hasSize(150);
        assertThat(pairs(first)).isEqualTo(policy.expectedPairs(bench.users[0])).hasSizeGreaterThan(assignedGroups);
        assertThat(pairs(second)).isEqualTo(policy.expectedPairs(bench.users[1]));
    }

    @Test
    void loadWhenLargePolicyThenEveryAccountAndAssignmentIsThere() {
        PolicyLoadBenchmark bench = new PolicyLoadBenchmark();
        bench.setup();

        EntitlementResolver resolver = bench.load();

        assertThat(resolver.policy().assignments()).hasSize(LargePolicy.ASSIGNMENTS);
        assertThat(resolver.policy().permissionSets()).hasSize(LargePolicy.SETS);
    }

    @Test
    void replayCacheWhenFreshKeysPastTheLiveWindowThenEveryPutIsAccepted() {
        ReplayCacheBenchmark bench = new ReplayCacheBenchmark();
        bench.store = "memory";
        bench.live = 1000;
        bench.setup();

        for (int i = 0; i < 5000; i++) {
            assertThat(bench.putFresh()).isTrue();
        }
        assertThat(bench.cache.putIfAbsent("https://sts.windows.net/8b966979/|_" + bench.tick.get(),
                bench.base.plusSeconds(3600))).as("the last key again is a replay").isFalse();
    }

    @Test
    void jdbcReplayCacheWhenH2ThenFreshKeysAcceptedAndARepeatRefused() {
        JdbcReplayCacheBenchmark bench = new JdbcReplayCacheBenchmark();
        bench.database = "h2";
        bench.setup();
        try {
            for (int i = 0; i < 300; i++) {
                assertThat(bench.putFresh()).isTrue();
            }
            assertThat(bench.keys.cache.putIfAbsent("https://sts.windows.net/8b966979/|_" + bench.keys.tick.get(),
                    bench.keys.base.plusSeconds(3600))).as("the last key again is a replay").isFalse();
        } finally {
            bench.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ScimCase.class)
    void filterWhenRunOnceThenBothSidesParseAndMatchTheUser(ScimCase c) throws Exception {
        ScimFilterBenchmark bench = new ScimFilterBenchmark();
        bench.filter = c;
        bench.setup();

        assertThat(bench.fedbrokerParse()).isEqualTo(ScimFilter.parse(c.filter));
        assertThat(bench.unboundidParse()).isEqualTo(Filter.fromString(c.filter));
        assertThat(bench.fedbrokerParseEvaluate()).isTrue();
        assertThat(bench.unboundidParseEvaluate()).isTrue();
        assertThat(ScimFilter.parse(c.filter).matches(ScimFilterBenchmark.ours(ScimCase.OTHER_USER_JSON),
                bench.schemas)).isFalse();
        assertThat(FilterEvaluator.evaluate(Filter.fromString(c.filter),
                ScimFilterBenchmark.theirs(ScimCase.OTHER_USER_JSON))).isFalse();
    }

    private static Set<String> pairs(List<Entitlement> entitlements) {
        Set<String> out = new HashSet<>();
        entitlements.forEach(e -> out.add(e.accountId() + "/" + e.permissionSetName()));
        assertThat(out).hasSameSizeAs(entitlements);
        return out;
    }
}
