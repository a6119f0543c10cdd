"""arraycore.lib -- the part of NumPy's ``numpy.lib`` that array consumers
reach through an array's namespace: ``arraycore.lib.stride_tricks``
(``as_strided`` and ``sliding_window_view``, which xarray's ``rolling``
calls as ``xp.lib.stride_tricks.sliding_window_view``)."""
from arraycore.lib import stride_tricks

__all__ = ["stride_tricks"]
