"""matplotlib (Agg) draws arraycore arrays exactly as the same NumPy arrays
(rendered pixels compared), and PyTorch exchanges arrays with arraycore
through DLPack both ways (issue 11)."""
import io

import numpy as np
import pytest

import arraycore as ac
from _helpers import assert_array

pytestmark = pytest.mark.arraycore_only


# ----------------------------------------------------------------- matplotlib
def _render(draw, data):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    try:
        draw(ax, *data)
        buf = io.BytesIO()
        fig.savefig(buf, format="raw")
        return np.frombuffer(buf.getvalue(), dtype=np.uint8).copy()
    finally:
        plt.close(fig)


rng = np.random.default_rng(5)
X1 = rng.normal(size=2000)
T = np.linspace(0.0, 3.0, 50)
IMG = rng.uniform(size=(8, 12))

PLOTS = {
    "hist": (lambda ax, x: ax.hist(x, bins=20), (X1,)),
    "boxplot": (lambda ax, x: ax.boxplot(x), (X1,)),
    "axhline": (lambda ax, x: ax.axhline(ac.max(x) if isinstance(x, ac.ndarray)
                                         else np.max(x)), (X1,)),
    "set_xlim": (lambda ax, t, y: (ax.plot(t, y), ax.set_xlim(t.min(), t.max())),
                 (T, np.sin(T))),
    "imshow": (lambda ax, m: ax.imshow(m), (IMG,)),
    "scatter": (lambda ax, t, y: ax.scatter(t, y, c=y), (T, np.cos(T))),
    "plot": (lambda ax, t, y: ax.plot(t, y, "o-"), (T, T ** 2)),
    "bar": (lambda ax, t, y: ax.bar(t[:10], y[:10]), (T, np.sqrt(T))),
}


@pytest.mark.parametrize("name", list(PLOTS))
def test_matplotlib_draws_as_numpy(name):
    draw, data = PLOTS[name]
    want = _render(draw, data)
    got = _render(draw, tuple(ac.asarray(d) for d in data))
    assert got.shape == want.shape
    assert np.array_equal(got, want), f"{np.count_nonzero(got != want)} bytes differ"


def test_matplotlib_0d_values():
    pytest.importorskip("matplotlib")
    z = ac.max(ac.asarray(X1))
    assert not np.iterable(z)
    want = _render(lambda ax: ax.axvline(float(np.max(X1))), ())
    got = _render(lambda ax: ax.axvline(z), ())
    assert np.array_equal(got, want)


# ----------------------------------------------------------------- PyTorch (DLPack)
def test_torch_from_arraycore_zero_copy():
    torch = pytest.importorskip("torch")
    a = ac.asarray(np.arange(12.0).reshape(3, 4))
    t = torch.from_dlpack(a)
    assert t.dtype == torch.float64 and tuple(t.shape) == (3, 4)
    t[0, 0] = 42.0                          # shared memory
    assert a[0, 0].item() == 42.0
    s = torch.from_dlpack(a.T)              # strided view
    assert tuple(s.stride()) == (1, 4)
    assert s[1, 2].item() == a[2, 1].item()
    for name in ("bool", "int8", "uint8", "int16", "int32", "int64", "float16", "float32",
                 "complex64", "complex128"):
        x = ac.asarray((np.arange(6) % 3).astype(name))
        assert_array(ac.asarray(torch.from_dlpack(x).numpy()), np.asarray(x))


def test_arraycore_from_torch_zero_copy():
    torch = pytest.importorskip("torch")
    t = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    a = ac.from_dlpack(t)
    assert a.dtype == ac.float32 and a.shape == (3, 4)
    t[1, 1] = -5.0
    assert a[1, 1].item() == -5.0
    b = ac.from_dlpack(t.T)
    assert_array(b, t.T.numpy())
    c = ac.asarray(torch.arange(5, dtype=torch.int16))
    assert_array(c, np.arange(5, dtype=np.int16))


def test_torch_read_only_flag():
    torch = pytest.importorskip("torch")
    a = ac.asarray(np.arange(4.0))
    a.flags.writeable = False
    # arraycore marks read-only exports (DLPack 1.x flag): a reader that
    # honours it, arraycore itself, imports a read-only array
    b = ac.from_dlpack(a)
    assert not b.flags.writeable
    with pytest.raises(ValueError):
        b[0] = 1.0
    # PyTorch imports read-only DLPack data as an ordinary tensor, without a
    # warning, exactly as it does a read-only NumPy array's: its behaviour,
    # documented in docs/interop.rst
    n = np.arange(4.0)
    n.flags.writeable = False
    t_ac, t_np = torch.from_dlpack(a), torch.from_dlpack(n)
    assert t_ac.tolist() == t_np.tolist() == [0.0, 1.0, 2.0, 3.0]
    # torch's own tensors come in writable, sharing memory
    t = torch.zeros(3)
    c = ac.from_dlpack(t)
    assert c.flags.writeable
    c[1] = 7.0
    assert t[1].item() == 7.0


def test_torch_asarray_reads_raw_bytes_of_buffers():
    # torch.asarray checks NumPy arrays and DLPack only after the buffer
    # protocol for other objects, and reads a buffer's raw bytes as its
    # default dtype (float32) whatever the buffer's format: it does the same
    # to a NumPy array's memoryview.  A consumer behaviour, documented in
    # docs/interop.md; torch.from_dlpack(a), torch.asarray(a, dtype=...) or
    # torch.as_tensor(np.asarray(a)) are exact.
    torch = pytest.importorskip("torch")
    n = np.arange(3.0)
    a = ac.asarray(n)
    raw = torch.asarray(a)
    assert raw.dtype == torch.float32 and raw.numel() == 6          # 24 bytes as float32
    assert torch.equal(raw, torch.asarray(memoryview(n)))           # same for NumPy's buffer
    assert torch.asarray(a, dtype=torch.float64).tolist() == [0.0, 1.0, 2.0]
    assert torch.from_dlpack(a).tolist() == [0.0, 1.0, 2.0]
    assert torch.as_tensor(np.asarray(a)).tolist() == [0.0, 1.0, 2.0]
