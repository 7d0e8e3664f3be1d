package lab.sharpminima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lab.sharpminima.about.AppInfo;
import org.junit.jupiter.api.Test;

class VersionOptionTest {

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(AppInfo.banner());
        assertThat(AppInfo.version()).isNotEqualTo(AppInfo.UNKNOWN_VERSION);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
