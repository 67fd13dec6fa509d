package dev.fedbroker.bench;

import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.PolicyLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading the {@link LargePolicy} (JSON text to a policy whose cross-references are checked, then indexed by an
 * {@link EntitlementResolver}): one cold operation per iteration. Memory: allocation per load comes from JMH's
 * {@code -prof gc}; the heap the loaded resolver retains is measured once after the trial (heap used after GC with
 * and without it) and recorded as a fact.
 *
 * <p>Per-thread JMH state (Scope.Thread): not thread-safe.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PolicyLoadBenchmark {

    String json;

    @Setup(Level.Trial)
    public void setup() {
        json = new LargePolicy().json;
        Facts.record("policy.jsonBytes", String.valueOf(json.getBytes(StandardCharsets.UTF_8).length));
    }

    @Benchmark
    public EntitlementResolver load() {
        return EntitlementResolver.of(PolicyLoader.defaults().parse(json));
    }

    @TearDown(Level.Trial)
    public void retained() {
        Facts.record("policy.retainedBytes", String.valueOf(retainedBytes(this)));
    }

    static long retainedBytes(PolicyLoadBenchmark b) {
        long before = usedAfterGc();
        EntitlementResolver kept = b.load();
        long after = usedAfterGc();
        if (kept.policy().assignments().size() != LargePolicy.ASSIGNMENTS) {
            throw new IllegalStateException("the loaded policy lost assignments");
        }
        return after - before;
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
