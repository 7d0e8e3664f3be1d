package lab.sharpminima.ui.start;

import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.sharpminima.about.AppInfo;

/**
 * The "Start" tab: three actions (guided path, lab, open model) and one card per figure of the paper.
 * The window decides what the actions do through {@link #onGuidedPathProperty()},
 * {@link #onOpenModelProperty()} and {@link #onSelectViewProperty()} (given a tab name such as
 * "figure3" or "lab"); an action left unset does nothing. Thumbnails are small PNG resources (the
 * committed renders, scaled), so the page costs no computation at start.
 */
public final class StartView {

    /** One figure card: the tab it opens, its title and what the figure shows (paper section). */
    record FigureCard(String view, String title, String caption) {
    }

    static final List<FigureCard> FIGURES = List.of(
            new FigureCard("figure1", "Figure 1 · flatness", "Volume ε-flatness and ε-sharpness of a 1-D loss (Section 2)"),
            new FigureCard("figure2", "Figure 2 · symmetry", "Level curves of one function under non-negative homogeneity (Section 3)"),
            new FigureCard("figure3", "Figure 3 · volumes", "T_α builds disjoint boxes of equal volume: infinite flatness (Section 4)"),
            new FigureCard("figure4", "Figure 4 · ε-balls", "An equivalent θ' is nearer θ₂ = 0, so its ε-ball is sharper (Section 4)"),
            new FigureCard("figure5", "Figure 5 · reparametrization", "A reparametrization makes one minimum flatter or sharper (Section 5)"));

    /** A card's width: five fit side by side in the default 1180 px window. */
    private static final double CARD_WIDTH = 180;

    private final ScrollPane root = new ScrollPane();
    private final ObjectProperty<Runnable> onGuidedPath = new SimpleObjectProperty<>(this, "onGuidedPath");
    private final ObjectProperty<Runnable> onOpenModel = new SimpleObjectProperty<>(this, "onOpenModel");
    private final ObjectProperty<Consumer<String>> onSelectView = new SimpleObjectProperty<>(this, "onSelectView");
    private final BooleanProperty labAvailable = new SimpleBooleanProperty(this, "labAvailable", false);

    public StartView() {
        VBox page = new VBox(18, header(), actions(), sectionTitle("The paper's figures"), figureCards());
        page.getStyleClass().add("start-page");
        root.setContent(page);
        root.setFitToWidth(true);
        root.setId("start-page");
        root.getStyleClass().add("start-scroll");
        root.getStylesheets().add(StartView.class.getResource("start.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** What "Guided path" does; the presentation mode sets it. */
    public ObjectProperty<Runnable> onGuidedPathProperty() {
        return onGuidedPath;
    }

    /** What "Open model…" does (the window's file chooser). */
    public ObjectProperty<Runnable> onOpenModelProperty() {
        return onOpenModel;
    }

    /** Selects a view by its tab name ("figure1" … "figure5", "lab"). */
    public ObjectProperty<Consumer<String>> onSelectViewProperty() {
        return onSelectView;
    }

    /** Whether the Lab tab exists; the "Open the lab" button is disabled without it. */
    public BooleanProperty labAvailableProperty() {
        return labAvailable;
    }

    private VBox header() {
        ImageView icon = new ImageView(image("/lab/sharpminima/ui/icons/sharp-minima-lab-64.png"));
        Label title = new Label("Sharp Minima Lab");
        title.getStyleClass().add("start-title");
        Label version = new Label("version " + AppInfo.version());
        version.setId("start-version");
        version.getStyleClass().add("start-muted");
        VBox names = new VBox(2, title, version);
        names.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(14, icon, names);
        top.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label("An interactive companion to \"Sharp Minima Can Generalize For Deep Nets\" "
                + "(Dinh, Pascanu, Bengio and Bengio, ICML 2017): the flatness of a minimum depends on how the "
                + "network is parametrized, so a flat minimum can be made sharp without changing the function.");
        about.setWrapText(true);
        about.getStyleClass().add("start-lead");
        return new VBox(10, top, about);
    }

    private HBox actions() {
        Button guided = action("Start the guided path", "start-guided",
                "A step-by-step tour through the paper's argument", () -> run(onGuidedPath.get()));
        guided.setDefaultButton(true);
        Button lab = action("Open the lab", "start-lab", "Train a network and measure its minimum",
                () -> select("lab"));
        lab.disableProperty().bind(labAvailable.not());
        Button open = action("Open model…", "start-open", "Open a model file (*.json) in the Model tab",
                () -> run(onOpenModel.get()));
        HBox row = new HBox(10, guided, lab, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Button action(String text, String id, String tip, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("start-action");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> r.run());
        return b;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("start-section");
        return l;
    }

    private FlowPane figureCards() {
        FlowPane cards = new FlowPane(14, 14);
        cards.setRowValignment(javafx.geometry.VPos.TOP);
        for (FigureCard f : FIGURES) {
            cards.getChildren().add(card(f));
        }
        return cards;
    }

    private Button card(FigureCard f) {
        ImageView thumb = new ImageView(image("fig" + f.view().substring("figure".length()) + ".png"));
        thumb.setFitWidth(CARD_WIDTH);
        thumb.setFitHeight(CARD_WIDTH * 150.0 / 240.0);
        thumb.setPreserveRatio(true);
        thumb.setSmooth(true);
        Label title = new Label(f.title());
        title.getStyleClass().add("start-card-title");
        title.setWrapText(true);
        title.setMinHeight(36);
        title.setPrefHeight(36);
        title.setMaxHeight(36);
        title.setAlignment(Pos.TOP_LEFT);
        Label caption = new Label(f.caption());
        caption.setWrapText(true);
        // fixed text heights: a Button asks its graphic for a width-free height, which wrapping inflates
        caption.setMinHeight(72);
        caption.setPrefHeight(72);
        caption.setMaxHeight(72);
        caption.setAlignment(Pos.TOP_LEFT);
        caption.getStyleClass().add("start-muted");
        VBox box = new VBox(6, thumb, title, caption);
        box.setPrefWidth(CARD_WIDTH);
        box.setMaxWidth(CARD_WIDTH);
        Button b = new Button(null, box);
        b.setAlignment(Pos.TOP_LEFT);
        b.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setId("start-" + f.view());
        b.getStyleClass().add("start-card");
        b.setOnAction(e -> select(f.view()));
        return b;
    }

    private void select(String view) {
        Consumer<String> c = onSelectView.get();
        if (c != null) {
            c.accept(view);
        }
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }

    /** A PNG resource next to this class (or an absolute resource path), decoded at its own size. */
    private static Image image(String name) {
        try (InputStream in = StartView.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + "; rebuild the jar");
            }
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
