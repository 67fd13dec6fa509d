package dev.fedbroker.bench;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.ServiceProvider;
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
 * SAML response validation end to end, base64 in, {@link Identity} out, fedbroker vs OneLogin java-saml 2.9.0 on the
 * same Azure-shaped responses. Every operation presents a response never seen before by that side's replay cache
 * (see {@link ResponsePool}); any rejection, REPLAYED included, throws and fails the run.
 *
 * <p>Its states are shared (Scope.Benchmark) and thread-safe: the SPs, pools and caches are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SamlValidationBenchmark {

    /** The variant and the tenant; checks once that both sides accept this variant's responses. */
    @State(Scope.Benchmark)
    public static class World {
        @Param({"ASSERTION_SIGNED", "RESPONSE_SIGNED", "ENCRYPTED"})
        public SamlVariant variant;

        SamlWorld world;

        @Setup(Level.Trial)
        public void setup() {
            world = new SamlWorld(variant);
            world.requireBothAccept(world.response());
        }
    }

    /** fedbroker's ServiceProvider and its own pool of responses. */
    @State(Scope.Benchmark)
    public static class Fedbroker {
        ServiceProvider sp;
        ResponsePool pool;

        @Setup(Level.Trial)
        public void setup(World w) {
            EpochReplayCache cache = new EpochReplayCache(w.world.clock);
            sp = w.world.fedbroker(cache);
            pool = pool(w.world, cache);
        }
    }

    /** java-saml, best settings without XSD validation. */
    @State(Scope.Benchmark)
    public static class JavaSaml {
        JavaSamlSp sp;
        ResponsePool pool;

        @Setup(Level.Trial)
        public void setup(World w) {
            EpochReplayCache cache = new EpochReplayCache(w.world.clock);
            sp = w.world.javaSaml(cache, false);
            pool = pool(w.world, cache);
        }
    }

    /** java-saml with its default XSD validation of every response on. */
    @State(Scope.Benchmark)
    public static class JavaSamlSchema {
        JavaSamlSp sp;
        ResponsePool pool;

        @Setup(Level.Trial)
        public void setup(World w) {
            EpochReplayCache cache = new EpochReplayCache(w.world.clock);
            sp = w.world.javaSaml(cache, true);
            pool = pool(w.world, cache);
        }
    }

    /** A pool of distinct responses whose first one both sides accept (checked on throwaway caches). */
    static ResponsePool pool(SamlWorld world, EpochReplayCache cache) {
        List<String> responses = world.responses(SamlWorld.poolSize());
        world.requireBothAccept(responses.get(0));
        return new ResponsePool(responses, cache);
    }

    @Benchmark
    public Identity fedbroker(Fedbroker s) {
        return s.sp.validate(s.pool.next(), SamlWorld.REQUEST_ID);
    }

    @Benchmark
    public Identity javaSaml(JavaSaml s) {
        return s.sp.validate(s.pool.next(), SamlWorld.REQUEST_ID);
    }

    @Benchmark
    public Identity javaSamlXsd(JavaSamlSchema s) {
        return s.sp.validate(s.pool.next(), SamlWorld.REQUEST_ID);
    }
}
