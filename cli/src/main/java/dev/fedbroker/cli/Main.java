package dev.fedbroker.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The {@code fedbroker} command: {@code validate}, {@code inspect}, {@code metadata}, {@code resolve} and
 * {@code aws-setup}. Exit codes: 0 success (every response valid), 1 a response was rejected (or could not be
 * decoded), 2 usage or configuration error (one line on standard error), 3 internal error (a bug; {@code --debug}
 * shows the stack trace).
 *
 * <p>{@link #run} has no static state and touches no global stream, so tests call it in-process; each call is
 * independent and may run concurrently with others.
 */
public final class Main {

    /** Every response valid, or the command did what was asked. */
    public static final int OK = 0;
    /** At least one response was rejected (validate), or the input could not be decoded (inspect). */
    public static final int REJECTED = 1;
    /** Bad arguments, unreadable files, invalid configuration (IdP metadata, keys, policy). */
    public static final int USAGE = 2;
    /** A bug: something failed that should not. */
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    /** Runs the command with the process's streams and exits with its code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int exit = run(args, out, err, System.in);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /**
     * Runs the command on the given streams (standard input is read only for a {@code -} file argument) and returns
     * its exit code. "Now" is the system clock unless {@code --now} is given.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return run(args, out, err, in, Clock.systemUTC());
    }

    /** As {@link #run(String[], PrintStream, PrintStream, InputStream)}, with the clock used when no --now is given. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in, Clock clock) {
        Objects.requireNonNull(args, "args");
        CliContext context = new CliContext(out, err, in, clock);
        boolean debug = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("--debug"));
        CommandLine cli = new CommandLine(new FedbrokerCommand(), new CommandFactory(context));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpWidth(120);
        cli.setParameterExceptionHandler((e, ignored) -> {
            context.error(e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            if (debug) {
                e.printStackTrace(err);
            }
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException u) {
                context.error(u.getMessage());
                if (debug && u.getCause() != null) {
                    u.getCause().printStackTrace(err);
                }
                return USAGE;
            }
            context.error("internal error: " + e + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
