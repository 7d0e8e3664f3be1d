/**
 * Eigen-solvers beyond EJML's dense ones, for Hessians known only through Hessian-vector products:
 * Lanczos with full reorthogonalisation for the extreme eigenvalues, PyHessian's deflated power
 * iteration, Hutchinson's trace estimator and the spectral density by stochastic Lanczos quadrature
 * (Yao et al. 2020; Golmant et al. 2018; Lin, Saad &amp; Yang 2016), plus {@link
 * lab.sharpminima.linalg.SymmetricEigen}, the dense path through EJML.
 *
 * <p>Imports only EJML and the JDK; {@code engine} implements {@link
 * lab.sharpminima.linalg.SymmetricOperator} for its Hessians. They give the Hessian-based measures of
 * Dinh et al. 2017: the spectral norm and trace (§2, §4.2, Theorem 4) and the count of eigenvalues
 * above M (§4.2, Theorem 5).
 */
package lab.sharpminima.linalg;
