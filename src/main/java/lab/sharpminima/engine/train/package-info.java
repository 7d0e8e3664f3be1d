/**
 * Training networks on data: optimizers (gradient descent, SGD, heavy-ball momentum, Adam), the
 * seeded minibatch {@link lab.sharpminima.engine.train.Trainer} with progress, cancellation and a
 * guard against divergence (its steps' gradients from the engine or from a
 * {@link lab.sharpminima.engine.train.MinibatchGradient} such as a batched backend), seeded
 * initialisation and accuracy. Imports only {@code lab.sharpminima.engine} and its {@code data} package; it produces the minima whose
 * sharpness the paper's Sections 3–5 discuss, and is deterministic for a seed.
 */
package lab.sharpminima.engine.train;
