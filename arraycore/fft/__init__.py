"""arraycore.fft -- the Array API fft extension (2025.12) on arraycore's own
FFT engine (src/ac_fft.c): fft, ifft, fftn, ifftn, rfft, irfft, rfftn,
irfftn, hfft, ihfft, fftfreq, rfftfreq, fftshift, ifftshift.

Beyond the standard, every transform takes ``workers=`` as SciPy's fft does
(k: the batch split into at most k pieces; negative: wraps around
os.cpu_count(), -1 all of them; 0: ValueError), run on arraycore's thread
pool, whose size (set_num_threads, threadpoolctl) also bounds it.  None
(the default) lets the pool decide, as for arraycore's other large kernels:
a batch of at least 65536 points in all uses the pool's threads, a smaller
one runs on the caller's.  The bits never depend on the split.  The 1-d
and n-d transforms keep the standard's signatures otherwise."""
from arraycore.fft._fft import (
    fft, ifft, fftn, ifftn, rfft, irfft, rfftn, irfftn, hfft, ihfft,
    fftfreq, rfftfreq, fftshift, ifftshift,
)

__all__ = [
    "fft", "ifft", "fftn", "ifftn", "rfft", "irfft", "rfftn", "irfftn",
    "hfft", "ihfft", "fftfreq", "rfftfreq", "fftshift", "ifftshift",
]
