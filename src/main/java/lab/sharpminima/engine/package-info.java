/**
 * Networks of the model format (Definition 3 of the paper, with biases and other activations),
 * their losses, exact gradients (backpropagation), exact Hessian-vector products (Pearlmutter's
 * R-operator) and the exact dense Hessian. Matrix work is EJML's; no JavaFX, AWT or charts here.
 */
package lab.sharpminima.engine;
