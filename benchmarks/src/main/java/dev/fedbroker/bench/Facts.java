package dev.fedbroker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Side facts a benchmark learns in its setup or teardown (entitlements per resolution, retained heap of a loaded
 * policy), appended as {@code key=value} lines to {@code facts.properties} in the directory named by the system
 * property {@code fedbroker.bench.facts}; run.sh puts them under the results table. Without the property, nothing is
 * written. Thread-safe enough for its use (one call per fork, appends are atomic lines).
 */
final class Facts {

    static final String PROPERTY = "fedbroker.bench.facts";
    static final String FILE = "facts.properties";

    private Facts() {
    }

    static void record(String key, String value) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path file = Path.of(dir).resolve(FILE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "=" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a benchmark fact in " + dir, e);
        }
    }
}
