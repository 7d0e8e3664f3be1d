package lab.sharpminima.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line (spec: cli.md). Exit codes: 0 success (one JSON object on stdout),
 * 2 bad input (one line "error: …" on stderr, no output file touched), 1 internal fault (a short
 * message; the stack trace only with {@code --debug}).
 */
@Command(name = "sharp-minima-lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure, transform and train the networks of 'Sharp Minima Can Generalize For Deep Nets'.",
        subcommands = {MeasureCommand.class, TransformCommand.class, TrainCommand.class, BenchCommand.class, RenderCommand.class,
                SliceCommand.class, ExperimentCommand.class})
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: measure, transform, train or bench");
    }

    /** Runs the command line, printing to the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(errWriter);
        cl.setParameterExceptionHandler((ex, a) -> {
            errWriter.println("error: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof BadInputException) {
                errWriter.println("error: " + oneLine(cause.getMessage()));
                return BAD_INPUT;
            }
            errWriter.println("internal error: " + oneLine(String.valueOf(cause)));
            if (debug) {
                cause.printStackTrace(errWriter);
            } else {
                errWriter.println("(run again with --debug for the stack trace; this is a bug, please report it)");
            }
            return INTERNAL;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            errWriter.flush();
        }
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
