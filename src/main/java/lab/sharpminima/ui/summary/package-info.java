/**
 * The "Model" view: a loaded model's architecture, loss and data, L(θ), test loss, ‖∇L(θ)‖ and the
 * top of the Hessian spectrum (the curvature behind the sharpness notions of Section 2 of Dinh et
 * al. 2017).
 *
 * <p>{@link lab.sharpminima.ui.summary.ModelSummary} and {@link lab.sharpminima.ui.summary.Spectrum}
 * are plain data computed off the FX thread from {@code engine}; only
 * {@link lab.sharpminima.ui.summary.SummaryView} imports JavaFX.
 */
package lab.sharpminima.ui.summary;
