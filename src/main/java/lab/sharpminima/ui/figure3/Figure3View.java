package lab.sharpminima.ui.figure3;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import lab.sharpminima.export.ChartTheme;
import lab.sharpminima.ui.LayoutIsland;
import lab.sharpminima.figure.Figure3;
import lab.sharpminima.ui.FigureCards;
import lab.sharpminima.ui.FxBackgroundExecutor;
import lab.sharpminima.ui.overlay.ChartImagePane;
import lab.sharpminima.ui.overlay.OffThreadFrames;
import lab.sharpminima.ui.summary.Numbers;

/**
 * The nodes of Figure 3: the chart, sliders for α (logarithmic), r and k, and the readouts. A
 * double-click on the chart resets the preset. The chart is drawn off the FX thread
 * ({@link Figure3Frames}, on a thread of its own): the landscape with its axes as one image, redrawn
 * only when the axes must follow the boxes, and the boxes as an overlay image; latest request wins,
 * and the FX thread only swaps the images in, at most once per pulse. Hover readouts map the mouse
 * with the geometry of the frame on screen.
 */
public final class Figure3View {

    /** The chart theme: {@link ChartTheme#standard()}, or {@link ChartTheme#presentation()} in presentation mode (F5). */
    private final javafx.beans.property.ObjectProperty<ChartTheme> chartTheme =
            new javafx.beans.property.SimpleObjectProperty<>(this, "chartTheme", ChartTheme.standard());

    /** One daemon thread that draws the frames of every Figure 3 view (the FX thread only shows them). */
    private static final FxBackgroundExecutor DRAWING = new FxBackgroundExecutor("sml-figure3-draw", 1);

    private final Figure3ViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ChartImagePane chart = new ChartImagePane("figure3-chart");
    private final Label placeholder = new Label("Computing the loss landscape…");
    private final Label hover = new Label(" ");
    private final Slider alpha = new Slider(Figure3ViewModel.MIN_EXPONENT, Figure3ViewModel.MAX_EXPONENT, 0);
    private final Label alphaText = new Label();
    private final Slider radius = new Slider(Figure3ViewModel.MIN_RADIUS, Figure3ViewModel.MAX_RADIUS, 0.25);
    private final Label radiusText = new Label();
    private final Slider count = new Slider(Figure3ViewModel.MIN_COUNT, Figure3ViewModel.MAX_COUNT, 4);
    private final Label countText = new Label();
    private final Button reset = new Button("Reset to the paper's figure");
    private final Label error = new Label();
    private final GridPane readouts = new GridPane();

    private final OffThreadFrames<Figure3Frames.Request> frames = new OffThreadFrames<>(DRAWING, new Figure3Frames(),
            chart::show, Figure3Frames.Request::sameAs, "Figure 3");
    /** After the boxes have been still this long, the landscape is fitted to them again ({@link Figure3ViewModel#settle}). */
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(400));
    /**
     * The longest a frame of new boxes waits for their landscape ({@link Figure3ViewModel#awaitingLandscape}):
     * after that it is drawn over the landscape shown, with the boxes' window for axes.
     */
    static final javafx.util.Duration LANDSCAPE_WAIT = javafx.util.Duration.millis(100);
    private final javafx.animation.PauseTransition landscapeWait = new javafx.animation.PauseTransition(LANDSCAPE_WAIT);
    private final ReadOnlyObjectWrapper<Figure3.Data> shownData = new ReadOnlyObjectWrapper<>(this, "shownData");

    public Figure3View(Figure3ViewModel vm) {
        this.vm = vm;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        root.setCenter(chartColumn());
        root.setRight(sideColumn());
        root.getStyleClass().addAll("figure-view", "figure3");
        root.getStylesheets().addAll(FigureCards.class.getResource("figure-view.css").toExternalForm(),
                Figure3View.class.getResource("figure3.css").toExternalForm());
        LayoutIsland.frameLiveNodes(root);
    }

    private Node chartColumn() {
        placeholder.getStyleClass().add("figure-placeholder");
        StackPane chartPane = new StackPane(chart, placeholder);
        chartPane.getStyleClass().add("figure-chart-pane");
        hover.setId("figure-hover");
        hover.getStyleClass().add("figure-hover");
        VBox center = new VBox(chartPane, hover);
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        return center;
    }

    private Node sideColumn() {
        configureSliders();
        Node symmetry = FigureCards.card("Symmetry  T_α(θ₁, θ₂) = (αθ₁, θ₂/α)", alphaText, alpha,
                FigureCards.note("det T_α = 1: every image of B∞ has the area of B∞, and computes the same functions."));
        Node box = FigureCards.card("Box B∞(r, θ) at θ = (1, 1)", radiusText, radius, countText, count, reset);

        readouts.getStyleClass().addAll("facts", "figure-readouts");
        readouts.setId("figure-readouts");
        FigureCards.addReadout(readouts, 0, "each area", "figure3-areas", vm.areasTextProperty());
        FigureCards.addReadout(readouts, 1, "total k·4r²", "figure3-total", vm.totalTextProperty());
        FigureCards.addReadout(readouts, 2, "disjoint?", "figure3-disjoint", vm.disjointTextProperty());
        FigureCards.addReadout(readouts, 3, "disjoint when", "figure3-disjoint-alpha", vm.disjointAlphaTextProperty());
        Node values = FigureCards.card("Volumes (Theorem 2)", readouts,
                FigureCards.note("Disjoint boxes of one level set: the total grows as k·4r², without bound, so volume "
                        + "ε-flatness says nothing about the function."));

        error.setId("figure-error");
        error.getStyleClass().add("figure-error");
        error.managedProperty().bind(error.visibleProperty());
        VBox side = new VBox(12, symmetry, box, values,
                FigureCards.note("Double-click the chart to reset. Arrow keys move the focused slider."), error);
        side.getStyleClass().add("figure-side");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("figure-side-scroll");
        return scroll;
    }

    /** The theme the charts are drawn with; setting it rebuilds them from the data already computed. */
    public javafx.beans.property.ObjectProperty<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    private void configureSliders() {
        alpha.setId("figure3-alpha");
        alpha.setMajorTickUnit(1);
        alpha.setMinorTickCount(4);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.setBlockIncrement(0.1); // a tenth of a decade per arrow key
        alpha.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double x) {
                long k = Math.round(x);
                return k == 0 ? "1" : k > 0 ? "10" : "10⁻¹";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        alphaText.setId("figure3-alpha-text");
        alphaText.getStyleClass().add("figure3-big");
        radius.setId("figure3-radius");
        radius.setBlockIncrement(0.05);
        radius.setMajorTickUnit(0.5);
        radius.setShowTickMarks(true);
        radius.setShowTickLabels(false);
        radiusText.setId("figure3-radius-text");
        count.setId("figure3-count");
        count.setMajorTickUnit(1);
        count.setMinorTickCount(0);
        count.setSnapToTicks(true);
        count.setBlockIncrement(1);
        count.setShowTickMarks(true);
        count.setShowTickLabels(true);
        countText.setId("figure3-count-text");
        reset.setId("figure3-reset");
    }

    private void wire() {
        chartTheme.addListener((obs, old, t) -> requestFrame());
        chart.setOnResize(this::requestFrame);
        chart.frameProperty().addListener((obs, old, f) -> {
            placeholder.setVisible(false);
            shownData.set((Figure3.Data) f.content());
        });
        alpha.setValue(vm.alphaExponentProperty().get());
        radius.setValue(vm.radiusProperty().get());
        count.setValue(vm.countProperty().get());
        alpha.valueProperty().addListener((obs, old, x) -> vm.setAlphaExponent(x.doubleValue()));
        radius.valueProperty().addListener((obs, old, x) -> vm.setRadius(x.doubleValue()));
        count.valueProperty().addListener((obs, old, x) -> {
            int k = (int) Math.round(x.doubleValue());
            if (k != vm.countProperty().get()) {
                vm.setCount(k);
            }
        });
        vm.alphaExponentProperty().addListener((obs, old, x) -> alpha.setValue(x.doubleValue()));
        vm.radiusProperty().addListener((obs, old, x) -> radius.setValue(x.doubleValue()));
        vm.countProperty().addListener((obs, old, x) -> count.setValue(x.intValue()));
        // Two lines, α and log₁₀ α: on one, "α = 0.125893   ·   log₁₀ α = −0.9" overflows the 330 px side
        // column at this size and was clipped. Always two lines, so the column's height does not change with α.
        alphaText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.alphaTextProperty().get().replace("   ·   ", "\n"), vm.alphaTextProperty()));
        radiusText.textProperty().bind(vm.radiusProperty().asString(java.util.Locale.ROOT, "r = %.3g"));
        countText.textProperty().bind(vm.countProperty().asString("k = %d boxes: B∞ and k − 1 images"));
        reset.setOnAction(e -> vm.reset());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());

        // The ViewModel sets a new landscape just before new boxes: one request for both, not two.
        vm.landscapeProperty().addListener((obs, old, layer) -> Platform.runLater(this::requestFrame));
        // New boxes whose landscape is on its way wait for it (at most LANDSCAPE_WAIT): one chart drawn, not two.
        vm.dataProperty().addListener((obs, old, d) -> {
            if (vm.awaitingLandscape()) {
                if (landscapeWait.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                    landscapeWait.playFromStart(); // from the first boxes held back: a drag is not starved
                }
            } else {
                requestFrame();
            }
            settle.playFromStart();
        });
        landscapeWait.setOnFinished(e -> requestFrame());
        settle.setOnFinished(e -> vm.settle());
        wireMouse();
        vm.start();
    }

    /** Asks for a frame of the newest boxes and landscape at the chart's size, unless that one was asked for last. */
    private void requestFrame() {
        Figure3.Data d = vm.dataProperty().get();
        var layer = vm.landscapeProperty().get();
        double w = chart.frameWidth();
        double h = chart.frameHeight();
        if (d == null || layer == null || w < 20 || h < 20) {
            return;
        }
        if (!vm.awaitingLandscape()) {
            landscapeWait.stop();
        }
        Figure3Frames.Request r = new Figure3Frames.Request(d, layer, w, h, chart.outputScale(), chartTheme.get());
        frames.request(r);
    }

    /** The boxes drawn in the frame on screen ({@code null} before the first): changes when a new frame shows new boxes. */
    public ReadOnlyObjectProperty<Figure3.Data> shownDataProperty() {
        return shownData.getReadOnlyProperty();
    }

    private void wireMouse() {
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.reset();
                e.consume();
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            Point2D p = chart.toData(0, e.getX(), e.getY());
            hover.setText(p == null ? " " : "θ₁ = " + Numbers.format(p.getX()) + "    θ₂ = " + Numbers.format(p.getY())
                    + "    L = " + Numbers.format(vm.lossAt(p.getX(), p.getY())));
        });
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
    }
}
