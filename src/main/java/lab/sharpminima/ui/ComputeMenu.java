package lab.sharpminima.ui;

import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/**
 * The "Compute" menu: one radio item per backend of {@link ComputeBackendState#choices()} ("Java
 * (CPU)", then the OpenCL devices as they are listed) and a check item "Single precision (fp32)". The
 * radio follows the click while the device is checked in the background (the status bar says
 * "checking"); a refused choice springs back to the backend in use, with the note shown by
 * {@code notify} (title, message).
 */
final class ComputeMenu {

    /** {@code -Dsml.compute=opencl:0} chooses that backend once it is listed (scripted screenshots). */
    static final String PROPERTY = "sml.compute";

    private final ComputeBackendState state;
    private final Menu menu = new Menu("Compute");
    private final ToggleGroup group = new ToggleGroup();
    private final CheckMenuItem fp32 = new CheckMenuItem("Single precision (fp32)");
    private boolean syncing;

    ComputeMenu(ComputeBackendState state, BiConsumer<String, String> notify) {
        this.state = state;
        menu.setId("menu-compute");
        fp32.setId("menu-compute-fp32");
        fp32.selectedProperty().bindBidirectional(state.fp32Property());
        rebuild();
        state.choices().addListener((ListChangeListener<ComputeBackendState.Choice>) c -> {
            rebuild();
            startingChoice();
        });
        state.currentProperty().addListener((obs, old, choice) -> sync());
        state.noteProperty().addListener((obs, old, message) -> {
            if (message != null) {
                sync();
                notify.accept("Compute backend", message);
            }
        });
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (!syncing && toggle != null && !toggle.getUserData().equals(state.currentProperty().get())) {
                state.select((ComputeBackendState.Choice) toggle.getUserData());
            }
        });
    }

    /** Selects the choice named by {@value #PROPERTY} when it is listed; an unknown word is ignored. */
    private void startingChoice() {
        String word = System.getProperty(PROPERTY);
        state.choices().stream().filter(c -> c.word().equals(word) && !c.equals(state.currentProperty().get()))
                .findFirst().ifPresent(state::select);
    }

    Menu menu() {
        return menu;
    }

    private void rebuild() {
        syncing = true;
        try {
            group.getToggles().clear();
            menu.getItems().clear();
            for (ComputeBackendState.Choice c : state.choices()) {
                RadioMenuItem item = new RadioMenuItem(c.label());
                item.setId("menu-compute-" + c.word().replace(':', '-'));
                item.setUserData(c);
                item.setToggleGroup(group);
                menu.getItems().add(item);
            }
            menu.getItems().addAll(new SeparatorMenuItem(), fp32);
        } finally {
            syncing = false;
        }
        sync();
    }

    /** Puts the radio on the choice in use. */
    private void sync() {
        syncing = true;
        try {
            for (Toggle t : group.getToggles()) {
                if (t.getUserData().equals(state.currentProperty().get())) {
                    group.selectToggle(t);
                }
            }
        } finally {
            syncing = false;
        }
    }
}
