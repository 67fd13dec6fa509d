package dev.fedbroker.bench;

import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.PolicyLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Entitlement resolution of users in 150 groups each against the {@link LargePolicy} (10,000 accounts, 200,000
 * assignments, 100,000 groups), cycling through 64 different users; {@code assignedGroups} of each user's groups
 * carry assignments. No peer: nothing on Maven Central resolves IAM
 * Identity Center-style assignments; the target is absolute (50,000 per second per core).
 *
 * <p>Per-thread JMH state (Scope.Thread): not thread-safe; the resolver inside is.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ResolutionBenchmark {

    static final int USERS = 64;
    static final int GROUPS_PER_USER = 150;

    /**
     * How many of the user's 150 groups carry assignments: all 150 (about 850 pairs per user: the heavy case), or 10
     * (about 55 pairs: the typical case, where most of a user's Azure groups have nothing to do with AWS).
     */
    @Param({"150", "10"})
    public int assignedGroups;

    EntitlementResolver resolver;
    Identity[] users;
    int next;

    @Setup(Level.Trial)
    public void setup() {
        LargePolicy policy = new LargePolicy();
        resolver = EntitlementResolver.of(PolicyLoader.defaults().parse(policy.json));
        users = new Identity[USERS];
        long total = 0;
        for (int i = 0; i < USERS; i++) {
            users[i] = policy.user(i, GROUPS_PER_USER, assignedGroups);
            int count = resolver.resolve(users[i]).size();
            if (i < 4 && count != policy.expectedPairs(users[i]).size()) {
                throw new IllegalStateException("user " + i + " resolves to " + count + " pairs; the naive loop finds "
                        + policy.expectedPairs(users[i]).size());
            }
            total += count;
        }
        Facts.record("resolution.entitlementsPerUser.assignedGroups" + assignedGroups, String.valueOf(total / USERS));
    }

    @Benchmark
    public List<Entitlement> resolve150Groups() {
        Identity who = users[next];
        next = next + 1 == USERS ? 0 : next + 1;
        return resolver.resolve(who);
    }
}
