package lab.sharpminima.session;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Where the app remembers the last session file it saved or opened, to reopen it on the next start.
 * Injectable so that tests never read or write the user's real preferences: the app uses
 * {@link #preferences()}, tests {@link #inMemory()}.
 */
public interface LastSessionStore {

    /** The preferences node of {@link #preferences()}, under the user root. */
    String NODE = "lab/sharpminima";
    /** The key of the last session's absolute path in that node. */
    String KEY = "lastSession";

    /** The remembered session file, if any. */
    Optional<Path> load();

    /** Remembers {@code file} (as an absolute path). */
    void remember(Path file);

    /** Forgets the remembered file (one that failed to open, so the next start is a fresh one). */
    void forget();

    /**
     * The user's preferences ({@link Preferences#userRoot()} node {@value #NODE}). A backing store that
     * cannot be read or written is treated as empty: remembering a session is a convenience, never a
     * reason for the app to fail.
     */
    static LastSessionStore preferences() {
        return new LastSessionStore() {
            private final System.Logger log = System.getLogger(LastSessionStore.class.getName());

            @Override
            public Optional<Path> load() {
                try {
                    String p = Preferences.userRoot().node(NODE).get(KEY, null);
                    return p == null || p.isEmpty() ? Optional.empty() : Optional.of(Path.of(p));
                } catch (RuntimeException e) { // SecurityException, IllegalStateException, InvalidPathException
                    log.log(System.Logger.Level.WARNING, "last session not readable from preferences", e);
                    return Optional.empty();
                }
            }

            @Override
            public void remember(Path file) {
                update(node -> node.put(KEY, file.toAbsolutePath().toString()));
            }

            @Override
            public void forget() {
                update(node -> node.remove(KEY));
            }

            private void update(java.util.function.Consumer<Preferences> change) {
                try {
                    Preferences node = Preferences.userRoot().node(NODE);
                    change.accept(node);
                    node.flush();
                } catch (BackingStoreException | RuntimeException e) {
                    log.log(System.Logger.Level.WARNING, "last session not saved to preferences", e);
                }
            }
        };
    }

    /** A store in memory only, empty at first (tests, and runs that must not touch preferences). */
    static LastSessionStore inMemory() {
        AtomicReference<Path> last = new AtomicReference<>();
        return new LastSessionStore() {
            @Override
            public Optional<Path> load() {
                return Optional.ofNullable(last.get());
            }

            @Override
            public void remember(Path file) {
                last.set(file.toAbsolutePath());
            }

            @Override
            public void forget() {
                last.set(null);
            }
        };
    }
}
