/**
 * Sessions as plain data: the {@link lab.sharpminima.session.Session} record (opened model, the
 * transformation T_α of Definition 5 / Section 4.2 as log₁₀ α per layer, each figure view's settings,
 * the selected tab, the seeds) and {@link lab.sharpminima.session.SessionFiles}, which writes it as one
 * versioned JSON file atomically and reads it back validating every field before anything is used.
 * May import {@code engine} (and {@code engine.io}), {@code figure} and {@code landscape} (for the
 * presets' ranges); no JavaFX, AWT or charts.
 */
package lab.sharpminima.session;
