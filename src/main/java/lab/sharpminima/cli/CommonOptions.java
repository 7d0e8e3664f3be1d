package lab.sharpminima.cli;

import picocli.CommandLine.Option;

/** Options every command accepts. */
final class CommonOptions {
    @Option(names = "--debug", description = "Print the stack trace of an internal error.")
    boolean debug;
}
