"""scikit-learn workflows of issue 9 on arraycore arrays with
array_api_dispatch=True (PCA full/covariance_eigh/randomized, LDA svd, Ridge
svd/auto, RidgeCV, Nystroem, cross_val_score(Ridge)), compared with the same
estimators on NumPy arrays.  Run in a subprocess: scikit-learn's Array API
mode needs SCIPY_ARRAY_API=1 set before scipy is first imported."""
import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("sklearn")

SCRIPT = textwrap.dedent("""
    import warnings
    import numpy as np
    import sklearn
    import arraycore as ac
    from sklearn.decomposition import PCA
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA
    from sklearn.linear_model import Ridge, RidgeCV
    from sklearn.kernel_approximation import Nystroem
    from sklearn.model_selection import cross_val_score
    warnings.simplefilter("ignore", UserWarning)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((60, 8))
    y = X @ rng.standard_normal(8) + 0.1 * rng.standard_normal(60)
    yc = (y > 0).astype(np.int64)
    cases = {
        "PCA full": lambda X, y, c: PCA(3, svd_solver="full").fit_transform(X),
        "PCA covariance_eigh": lambda X, y, c: PCA(3, svd_solver="covariance_eigh")
            .fit_transform(X),
        "PCA randomized": lambda X, y, c: PCA(3, svd_solver="randomized",
            power_iteration_normalizer="QR", random_state=0).fit_transform(X),
        "LDA svd": lambda X, y, c: LDA(solver="svd").fit(X, c).transform(X),
        "Ridge svd": lambda X, y, c: Ridge(solver="svd").fit(X, y).coef_,
        "Ridge auto": lambda X, y, c: Ridge().fit(X, y).predict(X),
        "RidgeCV": lambda X, y, c: RidgeCV(alphas=(0.1, 1.0, 10.0)).fit(X, y).coef_,
        "Nystroem": lambda X, y, c: Nystroem(n_components=10, random_state=0)
            .fit_transform(X),
        "cross_val_score Ridge": lambda X, y, c: cross_val_score(Ridge(), X, y, cv=3),
    }
    for name, f in cases.items():
        with sklearn.config_context(array_api_dispatch=True):
            r = f(ac.asarray(X), ac.asarray(y), ac.asarray(yc))
        assert type(r).__module__.startswith("arraycore") or \\
            isinstance(r, (float, np.ndarray)), (name, type(r))
        r0 = f(X, y, yc)
        r = np.asarray(r)
        # component signs are not unique: compare up to the sign of each column
        if r.ndim == 2:
            s = np.sign(np.sum(r * r0, axis=0))
            s[s == 0] = 1
            r = r * s
        assert r.shape == r0.shape, (name, r.shape, r0.shape)
        np.testing.assert_allclose(r, r0, rtol=1e-6, atol=1e-8, err_msg=name)
        print("ok", name)
""")


def test_sklearn_workflows():
    env = dict(os.environ, SCIPY_ARRAY_API="1")
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                       env=env, cwd="/", timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("ok ") == 9, r.stdout
