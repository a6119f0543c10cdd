"""Run by tests/test_ecosystem_sklearn_scipy.py in a fresh interpreter with
SCIPY_ARRAY_API=1 (SciPy reads it at its first import): scikit-learn's Array
API estimators (array_api_dispatch=True) and SciPy's Array API functions on
arraycore arrays, each compared with the same call on NumPy arrays.  Prints
one line per check, "ok NAME" or "FAIL NAME: reason"."""
import sys
import traceback

import numpy as np

import arraycore as ac


def _check(name, f, X, Xa, rtol=1e-10, keeps_type=True):
    try:
        got = f(Xa)
        want = f(X)
        if isinstance(want, np.ndarray):
            if keeps_type:
                assert isinstance(got, ac.ndarray), f"got {type(got).__name__}"
            g = np.asarray(got)
            assert g.shape == want.shape and g.dtype == want.dtype, (g.dtype, want.dtype)
            np.testing.assert_allclose(g, want, rtol=rtol, atol=1e-12)
        else:
            np.testing.assert_allclose(float(got), float(want), rtol=rtol)
        print("ok", name)
    except Exception as e:  # noqa: BLE001 - reported to the test
        print(f"FAIL {name}: {type(e).__name__}: {e}".replace("\n", " ")[:400])
        traceback.print_exc(file=sys.stderr)


def sklearn_checks():
    from sklearn import config_context
    from sklearn.metrics import (accuracy_score, mean_absolute_error, mean_squared_error,
                                 pairwise_distances, r2_score)
    from sklearn.neighbors import KernelDensity
    from sklearn.preprocessing import (Binarizer, MaxAbsScaler, MinMaxScaler, Normalizer,
                                       StandardScaler)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    Xa = ac.asarray(X)
    checks = {
        "StandardScaler": lambda X: StandardScaler().fit_transform(X),
        "StandardScaler inverse": lambda X: StandardScaler().fit(X).inverse_transform(X),
        "MinMaxScaler": lambda X: MinMaxScaler().fit_transform(X),
        "MaxAbsScaler": lambda X: MaxAbsScaler().fit_transform(X),
        "Normalizer": lambda X: Normalizer().fit_transform(X),
        "Binarizer": lambda X: Binarizer(threshold=0.1).fit_transform(X),
        "r2_score": lambda X: r2_score(X[:, 0], X[:, 1]),
        "mean_squared_error": lambda X: mean_squared_error(X[:, 0], X[:, 1]),
        "mean_absolute_error": lambda X: mean_absolute_error(X[:, 0], X[:, 2]),
        "pairwise_distances": lambda X: pairwise_distances(X),
        "accuracy_score": lambda X: accuracy_score(X[:, 0] > 0, X[:, 1] > 0),
    }
    with config_context(array_api_dispatch=True):
        for name, f in checks.items():
            _check("sklearn " + name, f, X, Xa)
        # not an Array API estimator: it computes with NumPy (and returns NumPy
        # arrays), but takes arraycore input (it calls isdtype on its dtype)
        _check("sklearn KernelDensity",
               lambda X: KernelDensity(bandwidth=0.7).fit(X).score_samples(X), X, Xa,
               keeps_type=False)


def scipy_plain_checks():
    """Without SCIPY_ARRAY_API: SciPy's ufuncs run through arraycore's
    __array_ufunc__ fallback (arraycore results); other functions convert
    their input to NumPy (values checked)."""
    from scipy import special, stats
    rng = np.random.default_rng(2)
    X = rng.uniform(0.1, 3.0, size=(8, 6))
    Xa = ac.asarray(X)
    for name, f in {"special.erf": special.erf, "special.expit": special.expit,
                    "special.gammaln": special.gammaln, "special.ndtr": special.ndtr,
                    "special.xlogy": lambda X: special.xlogy(X, X + 1),
                    "special.jv": lambda X: special.jv(1, X)}.items():
        _check("scipy(plain) " + name, f, X, Xa)
    for name, f in {"stats.zscore": lambda X: stats.zscore(X, axis=0),
                    "stats.rankdata": lambda X: stats.rankdata(X, axis=1),
                    "special.logsumexp": lambda X: special.logsumexp(X, axis=0)}.items():
        _check("scipy(plain) " + name, f, X, Xa, keeps_type=False)


def scipy_checks():
    from scipy import ndimage, signal, special, stats
    rng = np.random.default_rng(1)
    X = rng.uniform(0.1, 3.0, size=(8, 6))
    Xa = ac.asarray(X)
    checks = {
        "special.erf": special.erf,
        "special.gammaln": special.gammaln,
        "special.expit": special.expit,
        "special.logsumexp": lambda X: special.logsumexp(X, axis=0),
        "special.softmax": lambda X: special.softmax(X, axis=1),
        "stats.zscore": lambda X: stats.zscore(X, axis=0),
        "stats.skew": lambda X: stats.skew(X, axis=0),
        "stats.moment": lambda X: stats.moment(X, order=3, axis=1),
        "stats.gmean": lambda X: stats.gmean(X, axis=0),
        "signal.convolve": lambda X: signal.convolve(X[0], X[1]),
        "ndimage.gaussian_filter": lambda X: ndimage.gaussian_filter(X, 1.0),
    }
    for name, f in checks.items():
        _check("scipy " + name, f, X, Xa)


if __name__ == "__main__":
    {"sklearn": sklearn_checks, "scipy": scipy_checks, "scipy-plain": scipy_plain_checks}[sys.argv[1]]()
