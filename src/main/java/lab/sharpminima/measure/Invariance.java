package lab.sharpminima.measure;

/** What a transformation between observationally equivalent parameters does to a measure. */
public enum Invariance {
    /** The value is unchanged, up to rounding. */
    INVARIANT,
    /** Unchanged in the limit or to first order only (e.g. a small regulariser η breaks exactness). */
    APPROXIMATE,
    /** The transformation can change the value, arbitrarily in general (Section 4 of the paper). */
    MOVED
}
