package lab.sharpminima.export;

import lab.sharpminima.engine.io.AtomicFiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.Drawable;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG, SVG or PDF, the format chosen by the file's extension. The chart draws
 * itself onto each format's Graphics2D at the same logical size (width × height points), so the
 * three files and the screen show the same drawing.
 *
 * <p>PNG at scale s renders onto a (s·width) × (s·height) image through a Graphics2D scaled by s:
 * text and lines are drawn at the higher resolution, not upscaled from a 1× bitmap. SVG keeps text
 * as text (editable, searchable) with a generic fallback family; PDF draws text as glyph outlines,
 * since PDF's standard fonts lack θ, ε, α and subscripts. All writes are atomic
 * ({@link AtomicFiles}). Works headless (java.awt.headless=true).
 */
public final class ChartExport {

    /** Largest PNG scale; 4× is the menu's largest, a little headroom for the CLI. */
    public static final int MAX_SCALE = 8;
    /** Largest side in points, so a typo cannot ask for a gigapixel image. */
    public static final int MAX_SIDE = 10_000;

    /** The formats, by file extension. */
    public enum Format {
        PNG, SVG, PDF;

        /**
         * The format of a file name's extension, case-insensitive.
         *
         * @throws IllegalArgumentException naming the bad extension when it is none of .png, .svg, .pdf
         */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            switch (ext) {
                case "png": return PNG;
                case "svg": return SVG;
                case "pdf": return PDF;
                default:
                    throw new IllegalArgumentException("cannot export to " + name + ": "
                            + (dot < 0 ? "no extension" : "unknown extension \"." + ext + "\"")
                            + "; use .png, .svg or .pdf");
            }
        }
    }

    private ChartExport() {
    }

    /** {@link #write(JFreeChart, Path, int, int, int)} at scale 1. */
    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        write(chart, file, width, height, 1);
    }

    /**
     * Writes the chart at width × height points to the file, its format from the extension. The
     * scale multiplies a PNG's pixels (1, 2 or 4 from the menu); SVG and PDF are vector and ignore it.
     *
     * @throws IllegalArgumentException for a bad extension, size or scale
     * @throws IOException when the file cannot be written (the target is then unchanged)
     */
    public static void write(JFreeChart chart, Path file, int width, int height, int scale) throws IOException {
        write(chart, chart.getTitle() != null ? chart.getTitle().getText() : null, file, width, height, scale);
    }

    /**
     * Writes any drawing (a chart, or a panel of several) like {@link #write(JFreeChart, Path, int, int, int)};
     * {@code title} (nullable) becomes the PDF's title.
     */
    public static void write(Drawable drawing, String title, Path file, int width, int height, int scale)
            throws IOException {
        Format format = Format.of(file);
        checkSize(width, height, scale);
        switch (format) {
            case PNG -> {
                BufferedImage img = toImage(drawing, width, height, scale);
                AtomicFiles.write(file, out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
            case SVG -> {
                byte[] svg = toSvg(drawing, width, height).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, out -> out.write(svg));
            }
            case PDF -> {
                byte[] pdf = toPdf(drawing, title, width, height);
                AtomicFiles.write(file, out -> out.write(pdf));
            }
        }
    }

    /** The chart drawn at width × height points onto a white (scale·width) × (scale·height) RGB image. */
    public static BufferedImage toImage(Drawable chart, int width, int height, int scale) {
        checkSize(width, height, scale);
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, img.getWidth(), img.getHeight());
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return img;
    }

    /** The chart as a standalone SVG document (UTF-8 text), width × height in user units (px). */
    public static String toSvg(Drawable chart, int width, int height) {
        checkSize(width, height, 1);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // A viewer without DejaVu Sans falls back to a sans-serif face rather than a serif default.
        g2.setFontFunction(family -> family.equals(java.awt.Font.SANS_SERIF) ? "sans-serif"
                : "\"" + family + "\", sans-serif"); // JFreeSVG quotes attributes with '
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /** The chart as a one-page PDF of width × height points, text as outlines. */
    public static byte[] toPdf(JFreeChart chart, int width, int height) {
        return toPdf(chart, chart.getTitle() != null ? chart.getTitle().getText() : null, width, height);
    }

    /** Any drawing as a one-page PDF of width × height points, text as outlines; title nullable. */
    public static byte[] toPdf(Drawable chart, String title, int width, int height) {
        checkSize(width, height, 1);
        PDFDocument doc = new PDFDocument();
        doc.setTitle(title != null ? title : "Sharp Minima Lab figure");
        doc.setAuthor("Sharp Minima Lab");
        Page page = doc.createPage(new Rectangle(width, height));
        PDFGraphics2D g2 = page.getGraphics2D();
        g2.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return doc.getPDFBytes();
    }

    private static void checkSize(int width, int height, int scale) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("the export size must be between 1 and " + MAX_SIDE + " on each side, got "
                    + width + " x " + height);
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("the PNG scale must be between 1 and " + MAX_SCALE + " (1, 2 or 4 usual), got "
                    + scale);
        }
    }
}
