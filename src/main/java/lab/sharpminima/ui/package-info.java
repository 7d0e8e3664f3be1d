/**
 * The JavaFX desktop app: the application class, the main window (menu, view tabs, status bar), its
 * ViewModel, the executor that keeps heavy work off the FX thread, and the teaching aids: presentation
 * mode (F5), Page Up/Down on sliders and the guided tour through Sections 2–5 of the paper; and the
 * compute backend the views' batched work runs on (Compute menu, {@code ComputeBackendState}, issue 6).
 *
 * <p>The only package tree that may import {@code javafx} and ControlsFX; it reads models through
 * {@code engine.io} and computes through {@code engine}. Views are built in code, styled by
 * {@code app.css}; ViewModels hold no {@code Node} and are tested without a stage.
 */
package lab.sharpminima.ui;
