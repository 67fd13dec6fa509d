package dev.fedbroker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of the SAML ratios that a shared machine cannot spoil as easily as wall-clock JMH numbers: thread CPU
 * time per operation ({@link ThreadMXBean}), fedbroker, java-saml and the floor stages measured in one JVM in
 * interleaved rounds, so that all see the same neighbours. Medians of the last rounds are recorded as facts
 * ({@code cpu.*} in microseconds). Run by run.sh after JMH; {@code main()} takes no arguments. Single-threaded.
 */
public final class CpuTimeCheck {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 9;
    private static final int WARM_ROUNDS = 5;

    private CpuTimeCheck() {
    }

    public static void main(String[] args) throws Exception {
        SamlWorld world = new SamlWorld(SamlVariant.ASSERTION_SIGNED);
        EpochReplayCache ourCache = new EpochReplayCache(world.clock);
        var ours = world.fedbroker(ourCache);
        ResponsePool ourPool = SamlValidationBenchmark.pool(world, ourCache);
        EpochReplayCache theirCache = new EpochReplayCache(world.clock);
        JavaSamlSp theirs = world.javaSaml(theirCache, false);
        ResponsePool theirPool = SamlValidationBenchmark.pool(world, theirCache);
        FloorBenchmark floor = new FloorBenchmark();
        floor.setup();

        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            boolean keep = round >= WARM_ROUNDS;
            measure(samples, keep, "cpu.fedbroker.assertionSigned.us", 3000,
                    () -> ours.validate(ourPool.next(), SamlWorld.REQUEST_ID));
            measure(samples, keep, "cpu.javaSaml.assertionSigned.us", 200,
                    () -> theirs.validate(theirPool.next(), SamlWorld.REQUEST_ID));
            measure(samples, keep, "cpu.floor.parse.us", 2000, floor::parse);
            measure(samples, keep, "cpu.floor.rsaVerify.us", 2000, floor::rsaVerify);
            measure(samples, keep, "cpu.floor.c14nDigest.us", 2000, floor::c14nDigest);
        }
        samples.forEach((key, values) -> Facts.record(key, String.format(Locale.ROOT, "%.1f", median(values))));
    }

    /** An operation that may throw (the floor's checked exceptions). */
    interface Op {
        Object run() throws Exception;
    }

    private static void measure(Map<String, List<Double>> samples, boolean keep, String key, int n, Op op)
            throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            if (op.run() == null) {
                throw new IllegalStateException(key + " returned nothing");
            }
        }
        double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n;
        if (keep) {
            samples.computeIfAbsent(key, k -> new ArrayList<>()).add(micros);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
