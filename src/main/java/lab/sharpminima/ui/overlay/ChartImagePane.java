package lab.sharpminima.ui.overlay;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Shows {@link ChartFrame}s drawn off the FX thread: the chart's image and, above it, the frame's
 * overlay image, each at one image pixel per device pixel. {@link #show} keeps the newest frame and
 * swaps it in on the next pulse (several within one pulse: the last one), so the FX thread's work per
 * frame is two image swaps. The view asks for frames of {@link #frameWidth()} × {@link #frameHeight()}
 * at {@link #outputScale()} and is told by {@link #setOnResize} when those change. Mouse events land on
 * this node; {@link #toData} and {@link #toLocal} map them with the geometry of the frame on screen.
 */
public final class ChartImagePane extends Region {

    private final ImageView base = new ImageView();
    private final ImageView overlay = new ImageView();
    private final ReadOnlyObjectWrapper<ChartFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private ChartFrame pending;
    private Runnable onResize = () -> { };
    private double shownWidth = -1;
    private double shownHeight = -1;
    private double shownScale = -1;
    private final AnimationTimer swap = new AnimationTimer() {
        @Override
        public void handle(long now) {
            swapPending();
        }
    };
    private final ChangeListener<Number> scaleListener = (obs, old, s) -> resized();

    public ChartImagePane(String id) {
        setId(id);
        base.setSmooth(true);
        overlay.setSmooth(true);
        overlay.setMouseTransparent(true);
        base.setMouseTransparent(true);
        getChildren().addAll(base, overlay);
        setMinSize(0, 0);
        widthProperty().addListener((obs, old, w) -> resized());
        heightProperty().addListener((obs, old, h) -> resized());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> watchScale(oldWindow, window));
                watchScale(null, scene.getWindow());
            }
        });
    }

    private void watchScale(Window old, Window window) {
        if (old != null) {
            old.outputScaleXProperty().removeListener(scaleListener);
        }
        if (window != null) {
            window.outputScaleXProperty().addListener(scaleListener);
        }
        resized();
    }

    /** Called when the frame size or the output scale changes (the view then asks for a new frame). */
    public void setOnResize(Runnable r) {
        onResize = r;
    }

    private void resized() {
        double w = frameWidth();
        double h = frameHeight();
        double s = outputScale();
        if (w != shownWidth || h != shownHeight || s != shownScale) {
            shownWidth = w;
            shownHeight = h;
            shownScale = s;
            onResize.run();
        }
    }

    /** The width a frame should have: whole layout pixels (0 before the first layout). */
    public double frameWidth() {
        return Math.floor(getWidth());
    }

    public double frameHeight() {
        return Math.floor(getHeight());
    }

    /** Device pixels per layout pixel of the window showing this pane (1 when not shown). */
    public double outputScale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        double s = w == null ? 1 : w.getOutputScaleX();
        return s > 0 && Double.isFinite(s) ? s : 1;
    }

    /** Shows f on the next pulse (replacing any frame not yet shown). */
    public void show(ChartFrame f) {
        pending = f;
        swap.start();
    }

    private void swapPending() {
        swap.stop();
        ChartFrame f = pending;
        pending = null;
        if (f == null) {
            return;
        }
        base.setImage(f.base());
        base.setFitWidth(f.width());
        base.setFitHeight(f.height());
        overlay.setImage(f.overlay());
        if (f.overlay() != null) {
            overlay.setFitWidth(f.overlay().getWidth() / f.scale());
            overlay.setFitHeight(f.overlay().getHeight() / f.scale());
            overlay.relocate(f.overlayX(), f.overlayY());
        }
        frame.set(f);
    }

    @Override
    protected void layoutChildren() {
        base.relocate(0, 0);
        ChartFrame f = frame.get();
        if (f != null && f.overlay() != null) {
            overlay.relocate(f.overlayX(), f.overlayY());
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }

    /** The frame on screen; {@code null} before the first. */
    public ReadOnlyObjectProperty<ChartFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Local pixels → data coordinates of plot i of the frame on screen; {@code null} outside its data area or before a frame. */
    public Point2D toData(int plot, double x, double y) {
        ChartFrame f = frame.get();
        if (f == null || plot >= f.plots().size() || !f.plots().get(plot).contains(x, y)) {
            return null;
        }
        return f.plots().get(plot).toData(x, y);
    }

    /** Data coordinates of plot i → local pixels in the frame on screen; {@code null} before a frame. */
    public Point2D toLocal(int plot, double a, double b) {
        ChartFrame f = frame.get();
        if (f == null || plot >= f.plots().size()) {
            return null;
        }
        return f.plots().get(plot).toLocal(a, b);
    }
}
