package lab.sharpminima.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A frame around one node that stops its layout requests: the node is an unmanaged child, hence a
 * layout root, so a readout whose text changes on every slider step, or a slider whose thumb moves,
 * is laid out alone instead of making the whole side column (its sliders, wrapped notes and scroll
 * pane) measure every child again, which cost most of a frame in software rendering. The frame's
 * sizes are the node's, its preferred width and height the largest the node has wanted (so readouts do
 * not jitter as digits come and go); when the node's new content wants more height or width than it
 * had (a readout that now wraps to a second line), the frame asks its parents for a layout once, so
 * nothing is clipped.
 */
public final class LayoutIsland extends Region {

    /** The keys under which layout panes keep a child's constraints in its properties. */
    private static final Pattern PANE_CONSTRAINT =
            Pattern.compile("(gridpane|vbox|hbox|flowpane|stackpane|anchorpane|borderpane|tilepane)-");

    private Node content;
    /** Whether the parents have laid the frame out once. */
    private boolean laidOut;
    private double widestPref;
    private double widestMax;
    /** The content's preferred width when the frame last asked its parents for more (0: never). */
    private double requestedWidth;
    private boolean relayoutPosted;
    private double tallestPref;
    private double tallestAtWidth = Double.NaN;

    private LayoutIsland() {
        getStyleClass().add("layout-island");
    }

    /** {@code content} (not yet in a parent) in a frame of its own sizes whose layout requests stop at the frame. */
    public static LayoutIsland of(Node content) {
        LayoutIsland island = new LayoutIsland();
        island.hold(content);
        return island;
    }

    /**
     * Frames, below {@code root}, every slider and every label: the nodes a slider step changes (a
     * slider moving its thumb and a label showing a value request a layout of all their ancestors
     * otherwise). Descends into panes and into scroll and titled panes' contents, not into other
     * controls; a node whose {@code managed} is bound (an error line that takes space only when shown)
     * is left as it is. The pane constraints a node holds (grid cell, growth, margins) move to its frame.
     */
    public static void frameLiveNodes(Node root) {
        if (root instanceof ScrollPane scroll) {
            frameLiveNodes(scroll.getContent());
        } else if (root instanceof TitledPane titled) {
            frameLiveNodes(titled.getContent());
        } else if (root instanceof Pane pane) {
            List<Node> children = pane.getChildren();
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                if ((child instanceof Slider || child instanceof Label) && !(pane instanceof BorderPane) && child.isManaged()
                        && !child.managedProperty().isBound()) {
                    LayoutIsland island = new LayoutIsland();
                    moveConstraints(child, island);
                    children.set(i, island);
                    island.hold(child);
                } else {
                    frameLiveNodes(child);
                }
            }
        }
    }

    private static void moveConstraints(Node from, Node to) {
        Map<Object, Object> constraints = new HashMap<>();
        from.getProperties().forEach((key, value) -> {
            if (key instanceof String s && PANE_CONSTRAINT.matcher(s).lookingAt()) {
                constraints.put(key, value);
            }
        });
        constraints.keySet().forEach(from.getProperties()::remove);
        to.getProperties().putAll(constraints);
    }

    /**
     * Forgets the largest sizes the frames below {@code root} have seen and lays them out anew: after the
     * style changes (presentation mode on or off), the old widths would keep the column as it was.
     */
    public static void forgetSizes(Node root) {
        for (Node n : root.lookupAll(".layout-island")) {
            if (n instanceof LayoutIsland island) {
                island.widestPref = 0;
                island.widestMax = 0;
                island.tallestPref = 0;
                island.tallestAtWidth = Double.NaN;
                island.requestedWidth = 0;
                island.requestLayout();
            }
        }
    }

    private void hold(Node node) {
        content = node;
        node.setManaged(false);
        getChildren().add(node);
        // Only text changes a framed node's size between layouts of its parents (a slider's size depends on
        // its range, not its value): only labels are checked after they laid themselves out.
        if (node instanceof javafx.scene.control.Labeled p) {
            p.needsLayoutProperty().addListener((obs, was, needs) -> {
                if (needs) {
                    widerText();
                } else {
                    checkFits();
                }
            });
        }
    }

    /**
     * The content's text changed: if it is now wider than the frame ever asked its parents for, they lay
     * out again in this pulse (the frame's sizes they cached are for the old text); otherwise the content
     * lays itself out alone.
     */
    private void widerText() {
        if (laidOut && wantsMoreWidth(getWidth())) {
            requestLayout();
        }
    }

    /** The framed node. */
    public Node content() {
        return content;
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    /**
     * The widest the content has wanted so far: a readout keeps the width its longest value needed, so
     * that numbers with more or fewer digits neither make the column jitter nor ask for a new layout.
     */
    @Override
    protected double computePrefWidth(double height) {
        widestPref = Math.max(widestPref, content.prefWidth(height));
        return widestPref;
    }

    /** Likewise sticky: a label's maximum is its preferred width, which changes with its text. */
    @Override
    protected double computeMaxWidth(double height) {
        widestMax = Math.max(widestMax, content.maxWidth(height));
        return widestMax;
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    /** Likewise the tallest at this width: a readout that wrapped to two lines keeps their room. */
    @Override
    protected double computePrefHeight(double width) {
        if (width != tallestAtWidth) {
            tallestAtWidth = width;
            tallestPref = 0;
        }
        tallestPref = Math.max(tallestPref, content.prefHeight(width));
        return tallestPref;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    public double getBaselineOffset() {
        return content.getBaselineOffset();
    }

    @Override
    protected void layoutChildren() {
        laidOut = true;
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /**
     * After the content laid itself out: the parents lay out again if it wants more height than the frame
     * has (a readout that now wraps to another line), or more width than the frame asked them for (the
     * sizes they cached are for an older text).
     */
    private void checkFits() {
        double w = getWidth();
        if (w <= 0 || !laidOut) {
            // Not laid out yet (a tab not shown): drop the sizes cached for the old text, so that the
            // parents' first layout asks the new one.
            relayoutParents();
            return;
        }
        if (content.prefHeight(w) > getHeight() + 0.5 || wantsMoreWidth(w)) {
            relayoutParents();
        }
    }

    /**
     * Whether the content now wants more width than the frame has, asked for, and asked for at the last
     * such request (text the column cannot hold, cut at its edge, asks once, not on every change).
     */
    private boolean wantsMoreWidth(double w) {
        double wanted = content.prefWidth(-1);
        if (wanted > Math.max(Math.max(widestPref, w), requestedWidth) + 0.5) {
            requestedWidth = wanted;
            return true;
        }
        return false;
    }

    /**
     * Asks the parents for a layout once the current layout pass is over: the content lays itself out
     * inside its parents' pass, and a request from there would be ignored (they are laying out).
     */
    private void relayoutParents() {
        if (!relayoutPosted) {
            relayoutPosted = true;
            Platform.runLater(() -> {
                relayoutPosted = false;
                requestLayout();
            });
        }
    }
}
