package dev.fedbroker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code fedbroker} command: only dispatches to its subcommands. */
@Command(name = "fedbroker", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Look behind the curtain of an Azure AD SAML login: validate and inspect captured responses,"
                + " summarise or write metadata, resolve entitlements, generate the AWS setup.",
        subcommands = {ValidateCommand.class, InspectCommand.class, MetadataCommand.class, ResolveCommand.class,
                AwsSetupCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 rejected (or undecodable input), 2 usage or configuration error,"
                + " 3 internal error."})
final class FedbrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors (they are hidden by default).")
    boolean debug;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required: validate, inspect, metadata,"
                + " resolve or aws-setup");
    }
}
