package lab.sharpminima.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
    /** The content's preferred width, and height at the frame's width, when the parents last laid the frame out. */
    private double widthAtLayout = -1;
    private double heightAtLayout = -1;
    private double widestPref;
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

    private void hold(Node node) {
        content = node;
        node.setManaged(false);
        getChildren().add(node);
        // Only text changes a framed node's size between layouts of its parents (a slider's size depends on
        // its range, not its value): only labels are checked after they laid themselves out.
        if (node instanceof javafx.scene.control.Labeled p) {
            p.needsLayoutProperty().addListener((obs, was, needs) -> {
                if (!needs) {
                    checkFits();
                }
            });
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

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
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
        widthAtLayout = Math.max(widestPref, content.prefWidth(-1));
        heightAtLayout = computePrefHeight(getWidth());
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /**
     * After the content laid itself out: the parents lay out again if it wants more height at the
     * frame's width than at their last layout, or is wider than then and wider than the frame (they may
     * have room to give it).
     */
    private void checkFits() {
        double w = getWidth();
        if (w <= 0 || widthAtLayout < 0) {
            return;
        }
        double wantedWidth = content.prefWidth(-1);
        if (content.prefHeight(w) > heightAtLayout + 0.5
                || wantedWidth > w + 0.5 && wantedWidth > widthAtLayout + 0.5) {
            requestLayout();
        }
    }
}
