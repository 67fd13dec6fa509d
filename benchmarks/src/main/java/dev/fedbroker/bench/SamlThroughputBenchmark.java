package dev.fedbroker.bench;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.ServiceProvider;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Validation throughput of ONE shared ServiceProvider (one parser pool, one verifier, one replay cache) with 1 and
 * with 2 threads: on 2 cores, 2 threads should give nearly twice the operations, unless something serializes.
 *
 * <p>Shared JMH state (Scope.Benchmark): thread-safe, which is the point.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class SamlThroughputBenchmark {

    ServiceProvider sp;
    ResponsePool pool;

    @Setup(Level.Trial)
    public void setup() {
        SamlWorld world = new SamlWorld(SamlVariant.ASSERTION_SIGNED);
        world.requireBothAccept(world.response());
        EpochReplayCache cache = new EpochReplayCache(world.clock);
        sp = world.fedbroker(cache);
        pool = SamlValidationBenchmark.pool(world, cache);
    }

    @Benchmark
    @Threads(1)
    public Identity oneThread() {
        return sp.validate(pool.next(), SamlWorld.REQUEST_ID);
    }

    @Benchmark
    @Threads(2)
    public Identity twoThreads() {
        return sp.validate(pool.next(), SamlWorld.REQUEST_ID);
    }
}
