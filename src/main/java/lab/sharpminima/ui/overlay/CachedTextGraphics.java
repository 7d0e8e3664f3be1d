package lab.sharpminima.ui.overlay;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.text.CharacterIterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.fx.FXFontMetrics;
import org.jfree.fx.FXGraphics2D;
import org.jfree.fx.FXHints;

/**
 * An {@link FXGraphics2D} whose font metrics remember what they measured. FXGraphics2D measures each
 * string by building a JavaFX {@code Text} node and asking for its bounds; JFreeChart measures every
 * tick label, title and text annotation on every drawing, so in software rendering that was about 40 %
 * of redrawing a chart (a spectrum step, a figure's overlay). The same string in the same font always
 * has the same bounds, so the cache returns exactly what {@link FXFontMetrics} would.
 */
public final class CachedTextGraphics extends FXGraphics2D {

    private static final System.Logger LOG = System.getLogger(CachedTextGraphics.class.getName());
    private static volatile boolean warned;

    private final Map<Font, Metrics> metrics = new HashMap<>();

    public CachedTextGraphics(GraphicsContext gc) {
        super(gc);
    }

    /** FX font metrics (when the hint asks for them, as ChartCanvas does) answer from the cache. */
    @Override
    public FontMetrics getFontMetrics(Font f) {
        // The superclass's own test for FX metrics, without building its metrics object on every call.
        if (getRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS) != Boolean.TRUE) {
            return super.getFontMetrics(f);
        }
        return metrics.computeIfAbsent(f, font -> new Metrics(new FXFontMetrics(font, this)));
    }

    /**
     * Makes {@code viewer}'s chart canvas draw through a {@link CachedTextGraphics} (with its rendering
     * hints). The canvas keeps its Graphics2D in a private field, hence reflection; where that fails
     * (a newer JFreeChart-FX), the canvas is left as it was and one note is logged.
     */
    public static void install(ChartViewer viewer) {
        ChartCanvas canvas = viewer.getCanvas();
        try {
            Field field = ChartCanvas.class.getDeclaredField("g2");
            field.setAccessible(true);
            Graphics2D old = (Graphics2D) field.get(canvas);
            if (old instanceof CachedTextGraphics) {
                return;
            }
            CachedTextGraphics g2 = new CachedTextGraphics(canvas.getGraphicsContext2D());
            g2.setRenderingHints(old.getRenderingHints());
            field.set(canvas, g2);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.INFO, "charts measure text uncached: " + e);
            }
        }
    }

    /** Bounds per string, for one font; the other metrics are FontMetrics' own, as in FXFontMetrics. */
    private static final class Metrics extends FontMetrics {

        private static final int CAPACITY = 4096;
        private final FXFontMetrics fx;
        private final Map<String, Rectangle2D> bounds = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Rectangle2D> eldest) {
                return size() > CAPACITY;
            }
        };

        Metrics(FXFontMetrics fx) {
            super(fx.getFont());
            this.fx = fx;
        }

        @Override
        public Rectangle2D getStringBounds(String str, Graphics context) {
            Rectangle2D r = bounds.get(str);
            if (r == null) {
                r = fx.getStringBounds(str, context);
                bounds.put(str, r);
            }
            return (Rectangle2D) r.clone();
        }

        @Override
        public Rectangle2D getStringBounds(String str, int beginIndex, int limit, Graphics context) {
            return getStringBounds(str.substring(beginIndex, limit), context);
        }

        @Override
        public Rectangle2D getStringBounds(char[] chars, int beginIndex, int limit, Graphics context) {
            return getStringBounds(new String(chars, beginIndex, limit - beginIndex), context);
        }

        @Override
        public Rectangle2D getStringBounds(CharacterIterator ci, int beginIndex, int limit, Graphics context) {
            return fx.getStringBounds(ci, beginIndex, limit, context);
        }

        @Override
        public int stringWidth(String str) {
            return (int) getStringBounds(str, null).getWidth();
        }
    }
}
