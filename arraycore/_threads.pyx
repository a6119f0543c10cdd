# arraycore/_threads.pyx -- the Python door to the process-wide thread pool
# of the C core (src/ac_pool.c): get_num_threads / set_num_threads, and
# (private, for tests and the threadpoolctl controller) how many workers
# were started and the size the environment asks for.  Loaded on first use
# (arraycore._LAZY_MODULES).

from arraycore._types cimport ac_intp

cdef extern from "ac_pool.h":
    int ac_pool_get_threads() nogil
    int ac_pool_set_threads(int n) nogil
    int ac_pool_default_threads() nogil
    int ac_pool_started() nogil
    ac_intp ac_pool_worker_pieces() nogil
    enum:
        AC_POOL_MAX

__all__ = ["get_num_threads", "set_num_threads"]


def get_num_threads():
    """The number of threads arraycore's kernels may use (the calling thread
    included): ARRAYCORE_NUM_THREADS, else OMP_NUM_THREADS, else the CPUs
    this process may run on, unless set_num_threads (or threadpoolctl's
    threadpool_limits) changed it."""
    return ac_pool_get_threads()


def set_num_threads(n):
    """Let arraycore's kernels use up to n threads (1: everything runs in the
    calling thread); n is a whole number from 1 to 256, or None for the
    environment's default.  Returns the previous setting.  Process-wide:
    every thread's calls share one pool."""
    if n is None:
        n = ac_pool_default_threads()
    elif isinstance(n, bool) or not hasattr(n, "__index__"):
        raise TypeError(f"set_num_threads: n must be an integer or None, not "
                        f"{type(n).__name__}")
    n = n.__index__()
    if n < 1 or n > AC_POOL_MAX:
        raise ValueError(f"set_num_threads: n must be between 1 and {AC_POOL_MAX}, "
                         f"got {n}")
    return ac_pool_set_threads(n)


def _workers_started():
    """Worker threads the pool has started in this process (0 before the
    first parallel kernel)."""
    return ac_pool_started()


def _default_num_threads():
    """The size the environment asks for (as at start-up)."""
    return ac_pool_default_threads()


def _worker_pieces():
    """Pieces of work the pool's workers (not the calling threads) have run."""
    return ac_pool_worker_pieces()
