/**
 * The "Spectrum" tab: the Hessian's eigenvalues and SLQ spectral density before and after the α-scale
 * transformation T_α (Definition 5, Section 4.2 of Dinh et al. 2017) or the rescaling of one hidden
 * neuron, with the identity ∇²L(θ′) = D ∇²L(θ) D checked on the top eigenvalue; the data come from
 * {@code figure.SpectrumFigure}, the charts from {@code export.figures.SpectrumChart}. May import
 * JavaFX, ControlsFX, JFreeChart, ui, export, figure, measure, symmetry, linalg and engine.
 */
package lab.sharpminima.ui.spectrum;
