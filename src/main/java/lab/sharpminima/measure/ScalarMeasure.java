package lab.sharpminima.measure;

import lab.sharpminima.engine.LossFunction;

/** A measure that reduces to one number at θ. */
public interface ScalarMeasure extends Measure {

    /** The measure of L at θ (θ is not modified). */
    double value(LossFunction loss, double[] theta);
}
