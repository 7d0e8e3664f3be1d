package lab.sharpminima.ui.overlay;

import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import lab.sharpminima.ui.BackgroundExecutor;

/**
 * Frames of a chart drawn on a thread of their own, latest request wins ({@link LatestRequest}): a
 * request equal to the last one ({@code same}) is not drawn again; a frame is handed to {@code show}
 * only while no newer request exists. Once the view has been idle for {@link #IDLE_AFTER} after a
 * frame (a drag or a held key asks for frames faster, and an idle drawing would hold its next frame
 * up), the painter gets idle rounds, one at a time, until it says it has no more or a request comes: to draw ahead the
 * frames a next step is likely to need (Figure 3: the boxes' next windows for the arrow keys), and to
 * warm up — Java2D's rasteriser and JFreeChart are Java code that runs several times slower until the
 * JIT has compiled it, and without that the first hundred or so frames a user asks for would be the
 * slow ones. Confined to the FX thread.
 *
 * @param <Q> a request: what to draw, at which size
 */
public final class OffThreadFrames<Q> {

    /** Draws frames; used by the drawing thread alone. */
    public interface Painter<Q> {

        /** The frame for request. */
        ChartFrame render(Q request);

        /**
         * Work for an idle moment after the frame of request was shown, the round-th (from 0) since:
         * a frame drawn ahead, or a throwaway drawing; must change nothing shown. Returns whether
         * there is more to do.
         */
        boolean idle(Q request, int round);
    }

    private static final System.Logger LOG = System.getLogger(OffThreadFrames.class.getName());
    /** How long after a frame, with no request since, idle rounds start. */
    static final Duration IDLE_AFTER = Duration.millis(120);

    private final BackgroundExecutor drawing;
    private final Painter<Q> painter;
    private final Consumer<ChartFrame> show;
    private final BiPredicate<Q, Q> same;
    private final LatestRequest<Q, ChartFrame> requests;
    private Q requested;
    /** The request of the frame shown last: equal to requested when no drawing is pending. */
    private Q shown;
    private boolean idling;
    private final PauseTransition quiet = new PauseTransition(IDLE_AFTER);

    /**
     * @param drawing one thread (the painter's state is confined to it)
     * @param what    names the chart in the log when a drawing fails
     */
    public OffThreadFrames(BackgroundExecutor drawing, Painter<Q> painter, Consumer<ChartFrame> show,
                           BiPredicate<Q, Q> same, String what) {
        this.drawing = drawing;
        this.painter = painter;
        this.show = show;
        this.same = same;
        this.requests = new LatestRequest<>(drawing, painter::render, this::delivered,
                t -> LOG.log(System.Logger.Level.ERROR, what + ": the chart could not be drawn", t));
        quiet.setOnFinished(e -> idle(0));
    }

    /** Asks for a frame of q, unless q draws the same as the last request. */
    public void request(Q q) {
        if (requested == null || !same.test(q, requested)) {
            requested = q;
            requests.submit(q);
        }
    }

    /** The newest frame (LatestRequest delivers only the newest: nothing is pending), so idle rounds may start. */
    private void delivered(ChartFrame f) {
        shown = requested;
        show.accept(f);
        quiet.playFromStart();
    }

    /** Runs idle round {@code round} for the frame shown, unless one is running or a drawing is pending. */
    private void idle(int round) {
        Q q = shown;
        if (idling || q == null || q != requested) {
            return;
        }
        idling = true;
        drawing.execute(() -> painter.idle(q, round), more -> {
            idling = false;
            if (q == shown && q == requested) {
                if (more) {
                    idle(round + 1);
                }
            } else if (q != shown && shown == requested) {
                quiet.playFromStart(); // a frame came meanwhile
            }
        }, t -> {
            idling = false;
            LOG.log(System.Logger.Level.WARNING, "an idle drawing failed", t);
        });
    }
}
