package dev.fedbroker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files named on the command line ({@code -} = standard input), bounded in size. Stateless. */
final class Inputs {

    /** Far above any SAML response or metadata document; the library applies its own, smaller limits. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private Inputs() {
    }

    /** Fails with a usage error, before any work, when a named file cannot be read. */
    static void requireReadable(String name, String what) {
        if (name.equals("-")) {
            return;
        }
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            throw new UsageException(what + " '" + name + "' does not exist or is not a regular file");
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(what + " '" + name + "' is not readable");
        }
    }

    static byte[] read(CliContext context, String name, String what) {
        try {
            if (name.equals("-")) {
                return limited(context.stdin(), what + " (standard input)");
            }
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                return limited(in, what + " '" + name + "'");
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " '" + name + "' does not exist", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " '" + name + "': " + e.getMessage(), e);
        }
    }

    static byte[] read(CliContext context, Path path, String what) {
        return read(context, path.toString(), what);
    }

    private static byte[] limited(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(what + " is larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }
}
