"""arraycore.random -- random numbers for arraycore arrays.

Bit generators (PCG64, the default; PCG64DXSM, Philox, SFC64, MT19937) seeded
through SeedSequence, and Generator with NumPy's methods.  For the same seed
the bit generators produce NumPy's raw streams, and random, integers,
uniform, exponential/standard_exponential, permutation, shuffle and choice
are bit-identical to NumPy's Generator (see docs/random.rst for the normal).
The engine is C in libaccore; C and Cython reach it through
`cimport arraycore.random` (the bit generator's capsule and the distribution
table, include/arraycore/acrandom.h).
"""
from arraycore.random._seedseq import SeedSequence
from arraycore.random._bitgen import BitGenerator, PCG64, PCG64DXSM, Philox, SFC64, MT19937
from arraycore.random._generator import Generator, default_rng

__all__ = ["SeedSequence", "BitGenerator", "PCG64", "PCG64DXSM", "Philox", "SFC64",
           "MT19937", "Generator", "default_rng"]
