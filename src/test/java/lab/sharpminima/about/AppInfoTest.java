package lab.sharpminima.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AppInfoTest {

    /** The version comes from pom.xml through resource filtering, not a copy that can drift. */
    @Test
    void theVersionIsThePomVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>sharp-minima-lab</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(AppInfo.version()).isEqualTo(m.group(1));
        assertThat(AppInfo.banner()).startsWith("Sharp Minima Lab " + m.group(1) + " (Java ");
    }

    /** Every runtime dependency of the pom is named in the licences, with its version. */
    @Test
    void theLicencesNameEveryBundledLibrary() {
        String text = AppInfo.licences();
        assertThat(text).contains("OpenJFX", "21.0.11", "EJML", "0.46.1", "JFreeChart", "1.5.6", "JFreeSVG", "5.0.7",
                "OrsonPDF", "2.0.1", "ControlsFX", "11.2.4", "JOCL", "2.0.6", "picocli", "4.7.7", "Jackson", "2.21",
                "FXGraphics2D", "2.1.5", "Apache-2.0", "LGPL-2.1", "GPL-3.0", "BSD-3-Clause", "MIT");
    }
}
