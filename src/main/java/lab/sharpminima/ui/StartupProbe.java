package lab.sharpminima.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;

/**
 * Startup measurements for bench/startup.sh, off unless asked for. With {@code -Dsml.startup.timing=true}
 * it prints, once, the time from the JVM's start ({@code RuntimeMXBean.getStartTime()}, which the
 * launcher sets before any class loads) to the first pulse of the shown window. With
 * {@code -Dsml.bench.views=true} it then selects each tab in turn, lets it settle, collects garbage and
 * prints the used heap, and quits. Lines go to stderr, prefixed "sml-bench:", so the bench script can
 * pick them out; stdout stays the command line's.
 */
public final class StartupProbe {

    public static final String TIMING_PROPERTY = "sml.startup.timing";
    public static final String VIEWS_PROPERTY = "sml.bench.views";
    /** How long each view gets to build and draw before its heap is measured. */
    private static final Duration SETTLE = Duration.seconds(4);

    private StartupProbe() {
    }

    /** Installs the probes the system properties ask for on a scene about to be shown. */
    public static void attach(Scene scene) {
        if (!Boolean.getBoolean(TIMING_PROPERTY) && !Boolean.getBoolean(VIEWS_PROPERTY)) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            print(String.format(Locale.ROOT, "first-frame-ms %d", ms));
            if (Boolean.getBoolean(VIEWS_PROPERTY) && scene.lookup("#views") instanceof TabPane tabs) {
                Platform.runLater(() -> measureViews(tabs, new ArrayList<>(tabs.getTabs())));
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Selects the first tab left, waits {@link #SETTLE}, prints the used heap after GC, goes on. */
    private static void measureViews(TabPane tabs, List<Tab> left) {
        if (left.isEmpty()) {
            Platform.exit();
            return;
        }
        Tab tab = left.remove(0);
        tabs.getSelectionModel().select(tab);
        PauseTransition wait = new PauseTransition(SETTLE);
        wait.setOnFinished(e -> {
            print(String.format(Locale.ROOT, "heap-after-gc-mb %s %.1f", tab.getId(), usedHeapAfterGcMb()));
            measureViews(tabs, left);
        });
        wait.play();
    }

    /** Used heap after a full collection, in MiB (System.gc() twice: the first may only finalize). */
    static double usedHeapAfterGcMb() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    // stderr on purpose: these lines are for the bench script, and stdout belongs to the command line
    private static void print(String line) {
        System.err.println("sml-bench: " + line);
    }
}
