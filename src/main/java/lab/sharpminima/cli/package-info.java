/**
 * The headless command line of {@code ../shared/spec/cli.md} (picocli): each command reads model
 * files, calls the engine and the measures, and prints one JSON object. The only package that
 * writes to {@code System.out}; it may import every package but {@code ui}.
 */
package lab.sharpminima.cli;
