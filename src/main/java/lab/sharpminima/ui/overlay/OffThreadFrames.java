package lab.sharpminima.ui.overlay;

import java.util.function.BiPredicate;
import java.util.function.Consumer;
import lab.sharpminima.ui.BackgroundExecutor;

/**
 * Frames of a chart drawn on a thread of their own, latest request wins ({@link LatestRequest}): a
 * request equal to the last one ({@code same}) is not drawn again; a frame is handed to {@code show}
 * only while no newer request exists. While the view is idle after a frame, the painter warms up (a
 * few dozen small throwaway drawings, {@link #WARM_UPS} in all, one at a time, stopped by the next
 * request): Java2D's rasteriser and JFreeChart are Java code that runs several times slower until the
 * JIT has compiled it, and without this the first hundred or so frames a user asks for would be the
 * slow ones. Confined to the FX thread.
 *
 * @param <Q> a request: what to draw, at which size
 */
public final class OffThreadFrames<Q> {

    /** How many warm-up drawings a painter gets in all. */
    static final int WARM_UPS = 60;

    /** Draws frames; used by the drawing thread alone. */
    public interface Painter<Q> {

        /** The frame for request. */
        ChartFrame render(Q request);

        /** A throwaway drawing like request's, smaller, that changes nothing shown. */
        void warmUp(Q request);
    }

    private static final System.Logger LOG = System.getLogger(OffThreadFrames.class.getName());

    private final BackgroundExecutor drawing;
    private final Painter<Q> painter;
    private final Consumer<ChartFrame> show;
    private final BiPredicate<Q, Q> same;
    private final LatestRequest<Q, ChartFrame> requests;
    private Q requested;
    private int warmUps;
    private boolean warming;

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
    }

    /** Asks for a frame of q, unless q draws the same as the last request. */
    public void request(Q q) {
        if (requested == null || !same.test(q, requested)) {
            requested = q;
            requests.submit(q);
        }
    }

    /** The newest frame: nothing newer is pending (LatestRequest delivers only the newest), so the painter may warm up. */
    private void delivered(ChartFrame f) {
        show.accept(f);
        warmUp();
    }

    private void warmUp() {
        Q q = requested;
        if (warming || warmUps >= WARM_UPS || q == null) {
            return;
        }
        warming = true;
        drawing.execute(() -> {
            painter.warmUp(q);
            return null;
        }, ignored -> {
            warming = false;
            warmUps++;
            if (q == requested) {
                warmUp();
            }
        }, t -> {
            warming = false;
            warmUps = WARM_UPS;
            LOG.log(System.Logger.Level.WARNING, "a warm-up drawing failed", t);
        });
    }
}
