package dev.fedbroker.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the Maven project version), or "development" when run from classes. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"fedbroker " + (v == null ? "development" : v)};
    }
}
