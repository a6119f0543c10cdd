"""arraycore's controller for threadpoolctl (>= 3.5): imported, and the
class registered with ``threadpoolctl.register``, when threadpoolctl itself
is imported (the import hook of arraycore/__init__.py), so
``threadpool_info()`` lists arraycore's pool and ``threadpool_limits(1)``
limits it as it limits BLAS.  The pool lives in libaccore; threadpoolctl
finds that library among the loaded ones and the controller calls its
``ac_pool_*`` functions through ctypes."""
from threadpoolctl import LibController


class ArraycoreController(LibController):
    user_api = "arraycore"
    internal_api = "arraycore"
    filename_prefixes = ("libaccore",)
    check_symbols = ("ac_pool_get_threads", "ac_pool_set_threads")

    def get_num_threads(self):
        return self.dynlib.ac_pool_get_threads()

    def set_num_threads(self, num_threads):
        return self.dynlib.ac_pool_set_threads(int(num_threads))

    def get_version(self):
        import arraycore
        return arraycore.__version__


def register(threadpoolctl_module):
    """Register the controller with an imported threadpoolctl (once)."""
    reg = getattr(threadpoolctl_module, "register", None)
    if reg is None or getattr(threadpoolctl_module, "_arraycore_registered", False):
        return
    reg(ArraycoreController)
    threadpoolctl_module._arraycore_registered = True
