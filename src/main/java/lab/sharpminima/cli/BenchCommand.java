package lab.sharpminima.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench}: placeholder until the benchmark lands. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the engine.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return Cli.OK;
    }
}
