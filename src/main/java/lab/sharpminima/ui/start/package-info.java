/**
 * The start page, the app's first tab: the guided path, the paper's five figures (cards with a
 * thumbnail) and the lab, plus opening a model. It only offers; what each offer does is given to it
 * by the main window. May import JavaFX and the ui package; nothing below ui imports it.
 */
package lab.sharpminima.ui.start;
