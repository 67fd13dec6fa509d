package dev.fedbroker.bench;

import dev.fedbroker.bench.ResultsReport.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of the results table, computed from JMH scores; missing benchmarks give "n/a" rows. Not thread-safe. */
final class Table {

    private final Map<String, Score> scores;
    private final List<String> rows = new ArrayList<>();

    Table(Map<String, Score> scores) {
        this.scores = scores;
    }

    /** Fedbroker vs peer, both in time per op: ratio = peer / ours. */
    void speedup(String label, String ours, String peer, double target, String targetText) {
        Score o = scores.get(ours);
        Score p = scores.get(peer);
        String ratio = "n/a";
        String met = "";
        if (o != null && p != null) {
            double r = p.score() / o.score();
            ratio = fmt(r) + "×";
            met = target > 0 ? (r >= target ? "yes" : "**no**") : "";
        }
        row(label, o, p, ratio, targetText, met);
    }

    void single(String label, String key) {
        row(label, scores.get(key), null, "", "", "");
    }

    /**
     * A sum row of the floor stages, then our validation as a multiple of it (same units); {@code limit} is the
     * target multiple, 0 for none.
     */
    void floor(String label, String sumLabel, String ours, List<String> stages, double limit) {
        Score o = scores.get(ours);
        double sum = 0;
        boolean all = o != null;
        for (String s : stages) {
            Score f = scores.get(s);
            all &= f != null && o != null && f.unit().equals(o.unit());
            sum += f == null ? 0 : f.score();
        }
        Score total = all ? new Score(sum, Double.NaN, o.unit(), Double.NaN) : null;
        row(sumLabel, total, null, "", "", "");
        String ratio = all ? fmt(o.score() / sum) + "× the floor" : "n/a";
        String met = all && limit > 0 ? (o.score() / sum <= limit ? "yes" : "**no**") : "";
        row(label, o, total, ratio, limit > 0 ? "≤ " + plain(limit) + "×" : "", met);
    }

    /** A time per op turned into operations per second on one thread (= per core). */
    void perSecond(String label, String key, double target) {
        Score o = scores.get(key);
        String ratio = "n/a";
        String met = "";
        if (o != null && o.unit().equals("us/op")) {
            double perSecond = 1e6 / o.score();
            ratio = String.format(Locale.ROOT, "%,.0f /s/core", perSecond);
            met = perSecond >= target ? "yes" : "**no**";
        }
        row(label, o, null, ratio, String.format(Locale.ROOT, "≥ %,.0f /s/core", target), met);
    }

    /** Throughput with more threads vs fewer (ops/s): ratio = more / fewer. */
    void scaling(String label, String more, String fewer, double target) {
        Score m = scores.get(more);
        Score f = scores.get(fewer);
        String ratio = "n/a";
        String met = "";
        if (m != null && f != null) {
            double r = m.score() / f.score();
            ratio = fmt(r) + "×";
            met = r >= target ? "yes" : "**no**";
        }
        row(label + " (fedbroker = 2 threads, peer column = 1 thread)", m, f, ratio, "≥ " + plain(target) + "×",
                met);
    }

    private void row(String label, Score ours, Score peer, String ratio, String target, String met) {
        String unit = ours != null ? ours.unit() : peer != null ? peer.unit() : "";
        rows.add("| " + label + " | " + value(ours) + " | " + value(peer) + " | " + unit + " | " + ratio + " | "
                + target + " | " + met + " | " + alloc(ours) + " | " + alloc(peer) + " |");
    }

    String markdown() {
        return "| benchmark | fedbroker | peer | unit | ratio | target | met | fedbroker B/op | peer B/op |\n"
                + "|---|---:|---:|---|---:|---|---|---:|---:|\n" + String.join("\n", rows) + "\n";
    }

    private static String value(Score s) {
        if (s == null) {
            return "—";
        }
        String v = fmt(s.score());
        return Double.isNaN(s.error()) || s.error() == 0 ? v : v + " ± " + fmt(s.error());
    }

    private static String alloc(Score s) {
        return s == null || Double.isNaN(s.allocPerOp()) ? "" : String.format(Locale.ROOT, "%,.0f", s.allocPerOp());
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
