package lab.sharpminima.ui;

import lab.sharpminima.ui.measures.MeasuresView;
import lab.sharpminima.ui.measures.MeasuresViewModel;
import lab.sharpminima.ui.spectrum.SpectrumView;
import lab.sharpminima.ui.spectrum.SpectrumViewModel;
import java.io.File;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import lab.sharpminima.ui.figure1.Figure1View;
import lab.sharpminima.ui.figure1.Figure1ViewModel;
import lab.sharpminima.ui.figure2.Figure2View;
import lab.sharpminima.ui.figure2.Figure2ViewModel;
import lab.sharpminima.ui.figure3.Figure3View;
import lab.sharpminima.ui.figure3.Figure3ViewModel;
import lab.sharpminima.ui.figure4.Figure4View;
import lab.sharpminima.ui.figure4.Figure4ViewModel;
import lab.sharpminima.ui.figure5.Figure5View;
import lab.sharpminima.ui.figure5.Figure5ViewModel;
import lab.sharpminima.ui.start.StartView;
import lab.sharpminima.ui.summary.SummaryView;
import org.controlsfx.control.Notifications;

/**
 * The main window's nodes: menu bar (File, Help), one tab per view (the "Model" summary first) and a
 * status bar. {@link #build()} makes nodes, {@link #wire()} connects them to the {@link MainViewModel};
 * the only logic here is what needs a {@code Stage} (file chooser, dialogs, popups).
 */
public final class MainView {

    private static final System.Logger LOG = System.getLogger(MainView.class.getName());
    /** The system property naming the tab to open on, e.g. {@code -Dsml.tab=figure2}. */
    public static final String TAB_PROPERTY = "sml.tab";
    /** The system property giving Figure 2's starting log₁₀ α. */
    public static final String ALPHA_PROPERTY = "sml.figure2.alpha";
    /** The system property giving the Spectrum and Measures tabs' starting log₁₀ α₁. */
    public static final String TRANSFORM_PROPERTY = "sml.transform.alpha";

    private final MainViewModel vm;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final MenuItem open = new MenuItem("Open model…");
    private final MenuItem quit = new MenuItem("Quit");
    private final MenuItem export = new MenuItem("Export view…");
    /** The figure behind each tab that File → Export view… can write. */
    private final java.util.Map<Tab, ExportableFigure> exportable = new java.util.HashMap<>();
    private final MenuItem about = new MenuItem("About Sharp Minima Lab");
    private final TabPane tabs = new TabPane();
    private final StartView start = new StartView();
    private final Label status = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();

    public MainView(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        build();
        wire();
    }

    public Parent root() {
        return root;
    }

    /** The Start tab's page; the guided path sets its {@code onGuidedPathProperty()}. */
    public StartView startView() {
        return start;
    }

    private void build() {
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setId("menu-export");
        Menu file = new Menu("File", null, open, export, new SeparatorMenuItem(), quit);
        Menu help = new Menu("Help", null, about);
        MenuBar menus = new MenuBar(file, help);
        menus.setId("menu-bar");

        Tab startTab = addTab("Start", "start", start.root());
        SummaryView summary = new SummaryView(vm.summaryProperty(), vm.spectrumProperty());
        addTab("Model", "model", summary.root());
        Figure1ViewModel figure1Model = new Figure1ViewModel(vm.executor());
        exportable.put(addTab("Figure 1 · flatness", "figure1", new Figure1View(figure1Model).root()), figure1Model);
        Figure2ViewModel figure2Model = new Figure2ViewModel(vm.executor());
        exportable.put(addTab("Figure 2 · symmetry", "figure2", new Figure2View(figure2Model).root()), figure2Model);
        startingAlpha(figure2Model);
        Figure3ViewModel figure3Model = new Figure3ViewModel(vm.executor());
        exportable.put(addTab("Figure 3 · volumes", "figure3", new Figure3View(figure3Model).root()), figure3Model);
        Figure4ViewModel figure4Model = new Figure4ViewModel(vm.executor());
        exportable.put(addTab("Figure 4 · ε-balls", "figure4", new Figure4View(figure4Model).root()), figure4Model);
        Figure5ViewModel figure5Model = new Figure5ViewModel(vm.executor());
        exportable.put(addTab("Figure 5 · reparametrization", "figure5", new Figure5View(figure5Model).root()),
                figure5Model);
        TransformState transform = new TransformState(vm);
        startingTransform(transform);
        addTab("Spectrum", "spectrum", new SpectrumView(new SpectrumViewModel(vm.executor(), transform)).root());
        addTab("Measures", "measures",
                new MeasuresView(new MeasuresViewModel(vm.executor(), transform), transform).root());
        tabs.setId("views");
        wireStart(startTab);
        selectTab(System.getProperty(TAB_PROPERTY));

        status.setId("status-message");
        status.getStyleClass().add("status-message");
        progress.setId("status-progress");
        progress.setPrefSize(16, 16);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, progress);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");

        root.setTop(menus);
        root.setCenter(tabs);
        root.setBottom(bar);
        root.getStyleClass().add("main-window");
    }

    /**
     * Selects the tab whose id is "tab-" + {@code name} ({@code -Dsml.tab=figure2}), for scripted
     * screenshots; an unknown or missing name keeps the Model tab.
     */
    /** A fixed tab whose id is "tab-" + {@code name} (also the value of -Dsml.tab that selects it). */
    private Tab addTab(String title, String name, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + name);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    private void selectTab(String name) {
        if (name == null) {
            return;
        }
        tabs.getTabs().stream().filter(t -> ("tab-" + name).equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * The start page's offers: a figure card or the lab button selects that tab; the guided path, until
     * the presentation mode sets {@code start.onGuidedPathProperty()}, opens Figure 1. Opening a model
     * from the start page shows it in the Model tab.
     */
    private void wireStart(Tab startTab) {
        start.onSelectViewProperty().set(this::selectTab);
        start.onOpenModelProperty().set(this::chooseModel);
        start.onGuidedPathProperty().set(() -> selectTab("figure1"));
        start.labAvailableProperty().set(tabs.getTabs().stream().anyMatch(t -> "tab-lab".equals(t.getId())));
        vm.modelPathProperty().addListener((obs, old, path) -> {
            if (path != null && tabs.getSelectionModel().getSelectedItem() == startTab) {
                selectTab("model");
            }
        });
    }

    /** {@code -Dsml.figure2.alpha=0.5} starts Figure 2 at log₁₀ α = 0.5 (scripted screenshots); ignored if not a number. */
    private static void startingAlpha(Figure2ViewModel figure2) {
        String x = System.getProperty(ALPHA_PROPERTY);
        if (x != null) {
            try {
                figure2.setAlphaExponent(Double.parseDouble(x));
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, ALPHA_PROPERTY + " is not a number: " + x);
            }
        }
    }

    /**
     * {@code -Dsml.transform.alpha=0.5} sets log₁₀ α₁ = 0.5 on the first model opened (scripted
     * screenshots of the Spectrum and Measures tabs); ignored if not a number.
     */
    private static void startingTransform(TransformState transform) {
        String x = System.getProperty(TRANSFORM_PROPERTY);
        if (x == null) {
            return;
        }
        try {
            double e = Double.parseDouble(x);
            transform.currentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends TransformState.Transform> obs,
                                    TransformState.Transform old, TransformState.Transform t) {
                    if (t.model() != null && transform.depth() >= 2) {
                        obs.removeListener(this);
                        javafx.application.Platform.runLater(() -> transform.setExponent(0, e));
                    }
                }
            });
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, TRANSFORM_PROPERTY + " is not a number: " + x);
        }
    }

    private void wire() {
        open.setOnAction(e -> chooseModel());
        quit.setOnAction(e -> Platform.exit());
        about.setOnAction(e -> showAbout());
        export.setOnAction(e -> exportView());
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !exportable.containsKey(tabs.getSelectionModel().getSelectedItem()),
                tabs.getSelectionModel().selectedItemProperty()));
        status.textProperty().bind(vm.statusProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        vm.errorProperty().addListener((obs, old, message) -> {
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), message != null);
            if (message != null) {
                notifyError(message);
            }
        });
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files.size() == 1) {
                vm.openModel(files.get(0).toPath());
            }
            e.setDropCompleted(files.size() == 1);
            e.consume();
        });
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open model");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Model files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = vm.modelPathProperty().get();
        Path dir = current != null ? current.toAbsolutePath().getParent() : Path.of("assets", "models");
        if (dir != null && Files.isDirectory(dir)) {
            chooser.setInitialDirectory(dir.toFile());
        }
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            vm.openModel(chosen.toPath());
        }
    }

    /** File → Export view…: the selected figure, as on screen, to PNG (2×), SVG or PDF. */
    private void exportView() {
        ExportableFigure figure = exportable.get(tabs.getSelectionModel().getSelectedItem());
        if (figure == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + figure.figureName());
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image, 2× (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("SVG drawing (*.svg)", "*.svg"),
                new FileChooser.ExtensionFilter("PDF document (*.pdf)", "*.pdf"));
        chooser.setInitialFileName(figure.figureName() + ".png");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            vm.exportFigure(figure, chosen.toPath());
        }
    }

    private void showAbout() {
        AboutDialog.create(stage).showAndWait();
    }

    /**
     * A ControlsFX popup beside the status bar's message. Skipped while the window is not showing, and
     * a popup that cannot be shown (headless test toolkits) is not an error: the status bar has it.
     */
    private void notifyError(String message) {
        if (!stage.isShowing()) {
            return;
        }
        try {
            Notifications.create().owner(stage).title("Cannot open the model").text(message)
                    .hideAfter(Duration.seconds(8)).showError();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "notification popup not shown", e);
        }
    }
}
