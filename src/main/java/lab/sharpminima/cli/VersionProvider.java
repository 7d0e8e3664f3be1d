package lab.sharpminima.cli;

import lab.sharpminima.about.AppInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {AppInfo.banner()};
    }
}
