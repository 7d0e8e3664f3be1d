/**
 * What the app says about itself: its version (from the Maven project version, through a filtered
 * resource) and the licences of the libraries it bundles (a resource also copied into the app image as
 * THIRD-PARTY.txt). Plain Java only: no JavaFX, AWT or charts, so the command line and the desktop app share it.
 */
package lab.sharpminima.about;
