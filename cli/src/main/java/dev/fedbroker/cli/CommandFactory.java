package dev.fedbroker.cli;

import picocli.CommandLine;

/** Gives every command the invocation's {@link CliContext}; other classes are made by picocli's default factory. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
