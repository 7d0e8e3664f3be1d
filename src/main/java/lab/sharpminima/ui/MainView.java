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
import lab.sharpminima.ui.lab.LabView;
import lab.sharpminima.ui.lab.LabViewModel;
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
    /** {@code -Dsml.presentation=true} starts in presentation mode (scripted screenshots). */
    public static final String PRESENTATION_PROPERTY = "sml.presentation";
    /** {@code -Dsml.guide.step=3} starts the guided tour at step 3, 1-based (scripted screenshots). */
    public static final String GUIDE_STEP_PROPERTY = "sml.guide.step";
    /** The system property starting the Spectrum tab in per-neuron mode: LAYER:UNIT:LOG10C, e.g. 1:2:0.5. */
    public static final String NEURON_PROPERTY = "sml.spectrum.neuron";

    private final MainViewModel vm;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final MenuItem open = new MenuItem("Open model…");
    private final MenuItem quit = new MenuItem("Quit");
    private final MenuItem export = new MenuItem("Export view…");
    private final MenuItem saveSession = new MenuItem("Save session…");
    private final MenuItem openSession = new MenuItem("Open session…");
    private final lab.sharpminima.session.LastSessionStore sessionStore;
    private SessionController sessions;
    /** The figure behind each tab that File → Export view… can write. */
    private final java.util.Map<Tab, ExportableFigure> exportable = new java.util.HashMap<>();
    private final MenuItem about = new MenuItem("About Sharp Minima Lab");
    private final TabPane tabs = new TabPane();
    private final StartView start = new StartView();
    private final Label status = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    /** Presentation mode (F5) and the guided tour: issue 4, "Teaching". */
    private final PresentationMode presentation;
    private final GuidedTour tour = new GuidedTour();
    /** Per tab name: how a guided step applies the view's preset, and sets its α slider (log₁₀ α). */
    private final java.util.Map<String, Runnable> presets = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.function.DoubleConsumer> alphaSliders = new java.util.HashMap<>();

    /** A window whose sessions are remembered in memory only (tests). */
    public MainView(MainViewModel vm, Stage stage) {
        this(vm, stage, lab.sharpminima.session.LastSessionStore.inMemory());
    }

    /** A window that remembers the last session in {@code sessionStore}. */
    public MainView(MainViewModel vm, Stage stage, lab.sharpminima.session.LastSessionStore sessionStore) {
        this.vm = vm;
        this.stage = stage;
        this.sessionStore = sessionStore;
        this.presentation = new PresentationMode(root, stage);
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
        openSession.setId("menu-open-session");
        saveSession.setId("menu-save-session");
        saveSession.setAccelerator(KeyCombination.keyCombination("Shift+Shortcut+S"));
        Menu file = new Menu("File", null, open, export, new SeparatorMenuItem(), openSession, saveSession,
                new SeparatorMenuItem(), quit);
        Menu help = new Menu("Help", null, about);
        MenuBar menus = new MenuBar(file);
        menus.setId("menu-bar");

        Tab startTab = addTab("Start", "start", start.root());
        SummaryView summary = new SummaryView(vm.summaryProperty(), vm.spectrumProperty());
        addTab("Model", "model", summary.root());
        Figure1ViewModel figure1Model = new Figure1ViewModel(vm.executor());
        Figure1View figure1View = new Figure1View(figure1Model);
        presentation.follow(figure1View.chartThemeProperty());
        exportable.put(addTab("Figure 1 · flatness", "figure1", figure1View.root()), figure1Model);
        presets.put("figure1", figure1Model::reset);
        Figure2ViewModel figure2Model = new Figure2ViewModel(vm.executor());
        Figure2View figure2View = new Figure2View(figure2Model);
        presentation.follow(figure2View.chartThemeProperty());
        exportable.put(addTab("Figure 2 · symmetry", "figure2", figure2View.root()), figure2Model);
        presets.put("figure2", figure2Model::reset);
        alphaSliders.put("figure2", figure2Model::setAlphaExponent);
        startingAlpha(figure2Model);
        Figure3ViewModel figure3Model = new Figure3ViewModel(vm.executor());
        Figure3View figure3View = new Figure3View(figure3Model);
        presentation.follow(figure3View.chartThemeProperty());
        exportable.put(addTab("Figure 3 · volumes", "figure3", figure3View.root()), figure3Model);
        presets.put("figure3", figure3Model::reset);
        alphaSliders.put("figure3", figure3Model::setAlphaExponent);
        Figure4ViewModel figure4Model = new Figure4ViewModel(vm.executor());
        Figure4View figure4View = new Figure4View(figure4Model);
        presentation.follow(figure4View.chartThemeProperty());
        exportable.put(addTab("Figure 4 · ε-balls", "figure4", figure4View.root()), figure4Model);
        presets.put("figure4", figure4Model::reset);
        Figure5ViewModel figure5Model = new Figure5ViewModel(vm.executor());
        Figure5View figure5View = new Figure5View(figure5Model);
        presentation.follow(figure5View.chartThemeProperty());
        exportable.put(addTab("Figure 5 · reparametrization", "figure5", figure5View.root()), figure5Model);
        presets.put("figure5", figure5Model::reset);
        TransformState transform = new TransformState(vm);
        startingTransform(transform);
        sessions = new SessionController(vm, transform, new SessionController.Views(figure1Model, figure2Model,
                figure3Model, figure4Model, figure5Model), this::selectedTab, this::selectTab, sessionStore);
        SpectrumViewModel spectrumModel = new SpectrumViewModel(vm.executor(), transform);
        SpectrumView spectrumView = new SpectrumView(spectrumModel);
        presentation.follow(spectrumView.chartThemeProperty());
        exportable.put(addTab("Spectrum", "spectrum", spectrumView.root()), spectrumModel);
        startingNeuron(transform, spectrumModel);
        MeasuresViewModel measuresModel = new MeasuresViewModel(vm.executor(), transform,
                vm.computeBackend().backendProperty());
        exportable.put(addTab("Measures", "measures", new MeasuresView(measuresModel, transform).root()),
                measuresModel);
        LabView labView = new LabView(new LabViewModel(vm.executor(), LabViewModel.daemonThreads()));
        exportable.put(addTab("Lab · training", "lab", labView.root()), labView.exportable());
        tabs.setId("views");
        wireStart(startTab);
        selectTab(System.getProperty(TAB_PROPERTY));

        status.setId("status-message");
        status.getStyleClass().add("status-message");
        progress.setId("status-progress");
        progress.setPrefSize(16, 16);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, computeLabel(), progress);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");

        menus.getMenus().addAll(viewMenu(), new ComputeMenu(vm.computeBackend(), this::notifyError).menu(),
                guideMenu(), help);
        root.setTop(menus);
        root.setCenter(tabs);
        root.setBottom(new javafx.scene.layout.VBox(new GuideBar(tour).root(), bar));
        root.getStyleClass().add("main-window");
    }

    /** A fixed tab whose id is "tab-" + {@code name} (also the value of -Dsml.tab that selects it). */
    private Tab addTab(String title, String name, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + name);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    /** The selected tab's name (its id without "tab-"). */
    private String selectedTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null || t.getId() == null ? "model" : t.getId().substring("tab-".length());
    }

    /** Sessions: File → Save session…, Open session…, and reopening the last one on start. */
    public SessionController sessions() {
        return sessions;
    }

    /**
     * View: presentation mode (F5, a check mark; Esc leaves it) and one item per tab, Ctrl+1 … Ctrl+9
     * and Ctrl+0 for the tenth, in tab order.
     */
    private Menu viewMenu() {
        javafx.scene.control.CheckMenuItem present = new javafx.scene.control.CheckMenuItem("Presentation mode");
        present.setId("menu-presentation");
        present.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5));
        present.selectedProperty().bindBidirectional(presentation.onProperty());
        Menu view = new Menu("View", null, present, new SeparatorMenuItem());
        for (int k = 0; k < Math.min(10, tabs.getTabs().size()); k++) {
            Tab tab = tabs.getTabs().get(k);
            MenuItem go = new MenuItem(tab.getText());
            go.setId("menu-go-" + tab.getId());
            go.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (k + 1) % 10));
            go.setOnAction(e -> tabs.getSelectionModel().select(tab));
            view.getItems().add(go);
        }
        return view;
    }

    /** The backend in use, at the right of the status bar (issue 6). */
    private Label computeLabel() {
        Label compute = new Label();
        compute.setId("status-compute");
        compute.getStyleClass().add("status-compute");
        compute.textProperty().bind(vm.computeBackend().descriptionProperty());
        return compute;
    }

    /** Guide: the guided path through the paper's argument ({@link lab.sharpminima.figure.GuidedPath}). */
    private Menu guideMenu() {
        MenuItem start = new MenuItem("Start guided tour");
        start.setId("menu-guide-start");
        start.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        start.setOnAction(e -> tour.start());
        // No accelerators: arrows and Page Up/Down must still reach a focused slider (see wireTeaching).
        MenuItem next = new MenuItem("Next step  (→ or Page Down)");
        next.setId("menu-guide-next");
        next.setOnAction(e -> tour.next());
        MenuItem previous = new MenuItem("Previous step  (← or Page Up)");
        previous.setId("menu-guide-previous");
        previous.setOnAction(e -> tour.previous());
        MenuItem end = new MenuItem("End tour");
        end.setId("menu-guide-end");
        end.setOnAction(e -> tour.stop());
        next.disableProperty().bind(tour.activeProperty().not());
        previous.disableProperty().bind(tour.indexProperty().lessThanOrEqualTo(0));
        end.disableProperty().bind(tour.activeProperty().not());
        return new Menu("Guide", null, start, next, previous, new SeparatorMenuItem(), end);
    }

    /**
     * Keys: Page Up/Down on a focused slider move it a page ({@link SliderKeys}); otherwise, while the
     * tour runs, → and Page Down go to the next step and ← and Page Up back. Esc leaves presentation
     * mode, or else ends the tour. Handlers, not accelerators, so a focused control keeps its keys.
     */
    private void wireTeaching() {
        SliderKeys.install(root);
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case RIGHT, PAGE_DOWN -> {
                    if (tour.isActive()) {
                        tour.next();
                        e.consume();
                    }
                }
                case LEFT, PAGE_UP -> {
                    if (tour.isActive()) {
                        tour.previous();
                        e.consume();
                    }
                }
                case ESCAPE -> {
                    if (presentation.isOn()) {
                        presentation.onProperty().set(false);
                        e.consume();
                    } else if (tour.isActive()) {
                        tour.stop();
                        e.consume();
                    }
                }
                default -> { }
            }
        });
        tour.currentProperty().addListener((obs, old, step) -> {
            if (step != null) {
                showStep(step);
            }
        });
    }

    /** Selects the step's tab, applies that view's preset, then sets its α slider if the step says so. */
    private void showStep(lab.sharpminima.figure.GuidedPath.Step step) {
        selectTab(step.tab());
        presets.getOrDefault(step.tab(), () -> { }).run();
        if (step.setsAlpha() && alphaSliders.containsKey(step.tab())) {
            alphaSliders.get(step.tab()).accept(step.log10Alpha());
        }
    }

    /** {@value #PRESENTATION_PROPERTY} and {@value #GUIDE_STEP_PROPERTY}; a step out of range is ignored. */
    private void startingTeaching() {
        presentation.onProperty().set(Boolean.getBoolean(PRESENTATION_PROPERTY));
        Integer step = Integer.getInteger(GUIDE_STEP_PROPERTY);
        if (step != null && step >= 1 && step <= tour.steps().size()) {
            tour.start();
            for (int k = 1; k < step; k++) {
                tour.next();
            }
        }
    }

    /** Presentation mode, for tests and scripted screenshots. */
    PresentationMode presentation() {
        return presentation;
    }

    /** The guided tour, for tests and scripted screenshots. */
    GuidedTour tour() {
        return tour;
    }

    /**
     * Selects the tab whose id is "tab-" + {@code name} ({@code -Dsml.tab=figure2}), for scripted
     * screenshots; an unknown or missing name keeps the Model tab.
     */
    private void selectTab(String name) {
        if (name == null) {
            return;
        }
        tabs.getTabs().stream().filter(t -> ("tab-" + name).equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * The start page's offers: a figure card or the lab button selects that tab; the guided path starts
     * the tour (its first step is Figure 1). Opening a model
     * from the start page shows it in the Model tab.
     */
    private void wireStart(Tab startTab) {
        start.onSelectViewProperty().set(this::selectTab);
        start.onOpenModelProperty().set(this::chooseModel);
        start.onGuidedPathProperty().set(tour::start);
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

    /** {@code -Dsml.spectrum.neuron=1:2:0.5}: per-neuron mode on the first model opened (scripted screenshots). */
    private static void startingNeuron(TransformState transform, SpectrumViewModel spectrum) {
        String x = System.getProperty(NEURON_PROPERTY);
        String[] p = x == null ? new String[0] : x.split(":");
        if (p.length != 3) {
            return;
        }
        transform.currentProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TransformState.Transform> obs,
                                TransformState.Transform old, TransformState.Transform t) {
                if (t.model() != null) {
                    obs.removeListener(this);
                    Platform.runLater(() -> {
                        try {
                            spectrum.setMode(SpectrumViewModel.Mode.NEURON);
                            spectrum.setNeuron(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                            spectrum.setNeuronExponent(Double.parseDouble(p[2]));
                        } catch (NumberFormatException e) {
                            LOG.log(Level.WARNING, NEURON_PROPERTY + " is not LAYER:UNIT:LOG10C: " + x);
                        }
                    });
                }
            }
        });
    }

    private void wire() {
        wireTeaching();
        startingTeaching();
        open.setOnAction(e -> chooseModel());
        quit.setOnAction(e -> Platform.exit());
        about.setOnAction(e -> showAbout());
        export.setOnAction(e -> exportView());
        saveSession.setOnAction(e -> chooseSession(true));
        openSession.setOnAction(e -> chooseSession(false));
        sessions.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                notifyError("Session", message);
            }
        });
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !exportable.containsKey(tabs.getSelectionModel().getSelectedItem()),
                tabs.getSelectionModel().selectedItemProperty()));
        status.textProperty().bind(vm.statusProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        vm.errorProperty().addListener((obs, old, message) -> {
            status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), message != null);
            if (message != null) {
                notifyError("Cannot open the model", message);
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

    /** File → Save session… / Open session…: a session file (*.session.json or any .json). */
    private void chooseSession(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save session" : "Open session");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Sessions (*.session.json)", "*.session.json"),
                new FileChooser.ExtensionFilter("JSON files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = sessions.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null
                && Files.isDirectory(current.toAbsolutePath().getParent())) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        chooser.setInitialFileName(current != null ? current.getFileName().toString() : "lecture.session.json");
        File chosen = save ? chooser.showSaveDialog(stage) : chooser.showOpenDialog(stage);
        if (chosen != null && save) {
            sessions.save(chosen.toPath());
        } else if (chosen != null) {
            sessions.open(chosen.toPath());
        }
    }

    /** File → Export view…: the selected view, as on screen, to PNG (1×, 2× or 4×), SVG or PDF. */
    private void exportView() {
        ExportableFigure figure = exportable.get(tabs.getSelectionModel().getSelectedItem());
        if (figure == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + figure.figureName());
        FileChooser.ExtensionFilter png2 = new FileChooser.ExtensionFilter("PNG image, 2× (*.png)", "*.png");
        FileChooser.ExtensionFilter png4 = new FileChooser.ExtensionFilter("PNG image, 4× (*.png)", "*.png");
        FileChooser.ExtensionFilter png1 = new FileChooser.ExtensionFilter("PNG image, 1× (*.png)", "*.png");
        chooser.getExtensionFilters().addAll(png2, png1, png4,
                new FileChooser.ExtensionFilter("SVG drawing (*.svg)", "*.svg"),
                new FileChooser.ExtensionFilter("PDF document (*.pdf)", "*.pdf"));
        chooser.setInitialFileName(figure.figureName() + ".png");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            FileChooser.ExtensionFilter f = chooser.getSelectedExtensionFilter();
            // The chosen PNG filter is the scale; SVG and PDF ignore it, and no choice means 2×.
            vm.exportFigure(figure, chosen.toPath(), f == png1 ? 1 : f == png4 ? 4 : 2);
        }
    }

    private void showAbout() {
        AboutDialog.create(stage).showAndWait();
    }

    /**
     * A ControlsFX popup beside the status bar's message. Skipped while the window is not showing, and
     * a popup that cannot be shown (headless test toolkits) is not an error: the status bar has it.
     */
    private void notifyError(String title, String message) {
        if (!stage.isShowing()) {
            return;
        }
        try {
            Notifications.create().owner(stage).title(title).text(message)
                    .hideAfter(Duration.seconds(8)).showError();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "notification popup not shown", e);
        }
    }
}
