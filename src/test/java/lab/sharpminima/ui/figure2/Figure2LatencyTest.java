package lab.sharpminima.ui.figure2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.SharpMinimaApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Slider-to-frame cost of Figure 2, headless (Monocle, software rendering): 60 α steps, each waited
 * out; the ViewModel's latency (command → overlay back on the FX thread) and the view's frame (the
 * overlay drawn on its own canvas above the static chart) are printed as median / max, and their
 * medians held under one 60 Hz frame (16 ms). Before the overlay had its own canvas, a frame
 * repainted the whole chart (heat map, 24 contour levels): about 97 ms here.
 */
class Figure2LatencyTest {

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anAlphaStepIsComputedAndDrawnWithinAFrameBudget() throws Exception {
        FxToolkit.registerPrimaryStage();
        Figure2ViewModel vm = new Figure2ViewModel(new FxBackgroundExecutor());
        Figure2View[] view = new Figure2View[1];
        FxToolkit.setupStage(stage -> {
            view[0] = new Figure2View(vm);
            stage.setScene(new Scene(view[0].root(), 1180, 760));
            stage.getScene().getStylesheets().add(SharpMinimaApp.stylesheet());
            stage.show();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view[0].frameNanosProperty().get() > 0);
        Slider slider = robot.lookup("#figure2-alpha").queryAs(Slider.class);
        int steps = 60;
        long[] latency = new long[steps];
        long[] frame = new long[steps];
        for (int i = 0; i < steps; i++) {
            double x = -3 + 6.0 * i / (steps - 1);
            robot.interact(() -> slider.setValue(x));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> Math.abs(vm.overlayProperty().get().alpha() - Math.pow(10, x)) < 1e-9 * Math.pow(10, x));
            WaitForAsyncUtils.waitForFxEvents();
            latency[i] = vm.latencyNanosProperty().get();
            frame[i] = view[0].frameNanosProperty().get();
        }
        Arrays.sort(latency);
        Arrays.sort(frame);
        System.out.printf(Locale.ROOT, "Figure 2 α step: overlay latency median %.2f ms, max %.2f ms; "
                        + "frame (draw into canvas) median %.2f ms, max %.2f ms%n",
                latency[steps / 2] / 1e6, latency[steps - 1] / 1e6, frame[steps / 2] / 1e6, frame[steps - 1] / 1e6);
        assertThat(latency[steps / 2]).isLessThan(16_000_000L);
        assertThat(frame[steps / 2]).isLessThan(16_000_000L);
    }
}
