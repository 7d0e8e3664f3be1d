package lab.sharpminima.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lab.sharpminima.figure.GuidedPath;
import org.junit.jupiter.api.Test;

/** The tour's index, without a stage: start, next through the end, back, and stop. */
class GuidedTourTest {

    @Test
    void nextWalksEveryStepInOrderAndEndsTheTourAfterTheLast() {
        GuidedTour tour = new GuidedTour();
        assertThat(tour.isActive()).isFalse();
        assertThat(tour.currentProperty().get()).isNull();
        tour.next();
        assertThat(tour.isActive()).as("next does not start the tour").isFalse();
        tour.start();
        for (int k = 0; k < GuidedPath.steps().size(); k++) {
            assertThat(tour.indexProperty().get()).isEqualTo(k);
            assertThat(tour.currentProperty().get()).isSameAs(GuidedPath.steps().get(k));
            assertThat(tour.isLast()).isEqualTo(k == GuidedPath.steps().size() - 1);
            tour.next();
        }
        assertThat(tour.isActive()).isFalse();
        assertThat(tour.indexProperty().get()).isEqualTo(-1);
    }

    @Test
    void previousStopsAtTheFirstStepAndStopEndsTheTour() {
        GuidedTour tour = new GuidedTour();
        tour.start();
        tour.next();
        tour.next();
        tour.previous();
        assertThat(tour.indexProperty().get()).isEqualTo(1);
        tour.previous();
        tour.previous();
        assertThat(tour.indexProperty().get()).isZero();
        assertThat(tour.isActive()).isTrue();
        tour.stop();
        assertThat(tour.isActive()).isFalse();
        tour.previous();
        assertThat(tour.indexProperty().get()).isEqualTo(-1);
    }

    @Test
    void anEmptyPathIsRejected() {
        assertThatThrownBy(() -> new GuidedTour(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
