# arraycore/random/_bitgen.pyx -- the bit generators of arraycore.random:
# BitGenerator (the base: seeding through SeedSequence, the lock, the capsule
# holding an ac_bitgen_t, random_raw, spawn, pickling) and PCG64, PCG64DXSM,
# Philox, SFC64, MT19937 with NumPy's state dicts, advance() and jumped().
# The step functions are C (src/ac_random_bitgen.c).
import operator
import threading
from cpython.pycapsule cimport PyCapsule_New
from libc.stdlib cimport calloc, free
from libc.stdint cimport uint64_t, uint32_t
from arraycore.random._crandom cimport *
from arraycore._core cimport ndarray, new_from_shape
from arraycore._dtype cimport as_dtype

from arraycore.random._seedseq import SeedSequence, SeedlessSeedSequence

__all__ = ["BitGenerator", "PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"]

cdef object _M64 = (1 << 64) - 1
cdef object _M128 = (1 << 128) - 1


cdef object _seed_seq_of(object seed):
    if seed is None or not hasattr(seed, "generate_state"):
        return SeedSequence(seed)
    return seed


cdef list _words(object seq, Py_ssize_t n, object what):
    """a state array (any sequence of ints) as n Python ints"""
    try:
        vals = seq.tolist() if hasattr(seq, "tolist") else list(seq)
    except TypeError:
        raise TypeError("%s must be a sequence of integers" % what)
    if len(vals) != n:
        raise ValueError("%s must have %d elements" % (what, n))
    return [int(v) for v in vals]


cdef object _u64_array(list vals, str dt="uint64"):
    from arraycore import asarray
    return asarray(vals, dtype=dt)


cdef class BitGenerator:
    """Base class of the bit generators: a C state behind an ac_bitgen_t
    (NumPy's bitgen_t layout), reachable from C through `capsule`."""

    def __cinit__(self, *args, **kwargs):
        self._state = NULL
        self.lock = threading.Lock()

    def __dealloc__(self):
        free(self._state)

    cdef int _alloc(self, size_t nbytes, int kind) except -1:
        self._state = calloc(1, nbytes)
        if self._state == NULL:
            raise MemoryError()
        self._kind = kind
        ac_bitgen_init(&self._bitgen, kind, self._state)
        self._capsule = PyCapsule_New(<void *>&self._bitgen, "BitGenerator", NULL)
        return 0

    @property
    def capsule(self):
        """PyCapsule "BitGenerator" holding a pointer to the ac_bitgen_t"""
        return self._capsule

    @property
    def seed_seq(self):
        return self._seed_seq

    @property
    def _seed_seq_prop(self):
        return self._seed_seq

    def random_raw(self, size=None, output=True):
        """the raw words of the generator (uint64; MT19937's are 32-bit)"""
        cdef ndarray out
        cdef uint64_t *p
        cdef Py_ssize_t i, n
        if not output:
            n = 1 if size is None else _nitems(size)
            with self.lock:
                with nogil:
                    for i in range(n):
                        self._bitgen.next_raw(self._bitgen.state)
            return None
        if size is None:
            with self.lock:
                return int(self._bitgen.next_raw(self._bitgen.state))
        out = new_from_shape(as_dtype("uint64"), size)
        p = <uint64_t *>out.data
        n = _nitems(size)
        with self.lock:
            with nogil:
                for i in range(n):
                    p[i] = self._bitgen.next_raw(self._bitgen.state)
        return out

    def spawn(self, int n_children):
        """n_children new bit generators of this type, seeded from spawned
        children of this generator's SeedSequence"""
        if not hasattr(self._seed_seq, "spawn") or isinstance(self._seed_seq, SeedlessSeedSequence):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    def __getstate__(self):
        return self.state

    def __setstate__(self, state):
        self.state = state

    def __reduce__(self):
        return (type(self), (), self.state)

    def __repr__(self):
        return "%s(%s) at 0x%X" % (type(self).__name__, "", id(self))


def _nitems(size):
    cdef Py_ssize_t n = 1
    if isinstance(size, int):
        if size < 0:
            raise ValueError("negative dimensions are not allowed")
        return size
    for s in size:
        s = int(s)
        if s < 0:
            raise ValueError("negative dimensions are not allowed")
        n *= s
    return n


cdef object _check_name(dict state, str name):
    if not isinstance(state, dict):
        raise TypeError("state must be a dict")
    if state.get("bit_generator") != name:
        raise ValueError("state must be for a %s PRNG" % name)


cdef class PCG64(BitGenerator):
    """PCG64 (O'Neill's permuted congruential generator, XSL-RR output,
    128-bit state): the default bit generator."""
    cdef ac_pcg64_state *_pcg
    cdef int _dxsm
    cdef str _name

    def __init__(self, seed=None):
        self._alloc(sizeof(ac_pcg64_state), AC_BG_PCG64DXSM if self._dxsm_kind() else AC_BG_PCG64)
        self._dxsm = self._dxsm_kind()
        self._name = type(self).__name__ if type(self).__name__ in ("PCG64", "PCG64DXSM") \
            else ("PCG64DXSM" if self._dxsm else "PCG64")
        self._pcg = <ac_pcg64_state *>self._state
        self._seed_seq = _seed_seq_of(seed)
        w = self._seed_seq.generate_state(4, "uint64")
        w = [int(v) for v in (w.tolist() if hasattr(w, "tolist") else w)]
        self._set(((w[0] << 64) | w[1]), ((w[2] << 64) | w[3]), True)

    def _dxsm_kind(self):
        return 0

    cdef _set(self, object a, object b, bint seed):
        cdef ac_u128 s = ((<ac_u128>(<uint64_t>((a >> 64) & _M64))) << 64) | <uint64_t>(a & _M64)
        cdef ac_u128 c = ((<ac_u128>(<uint64_t>((b >> 64) & _M64))) << 64) | <uint64_t>(b & _M64)
        if seed:
            ac_pcg64_seed(self._pcg, s, c, self._dxsm)
        else:
            self._pcg.state = s
            self._pcg.inc = c

    @property
    def state(self):
        cdef uint64_t sh = <uint64_t>(self._pcg.state >> 64), sl = <uint64_t>self._pcg.state
        cdef uint64_t ih = <uint64_t>(self._pcg.inc >> 64), il = <uint64_t>self._pcg.inc
        return {"bit_generator": self._name,
                "state": {"state": (int(sh) << 64) | int(sl), "inc": (int(ih) << 64) | int(il)},
                "has_uint32": self._pcg.has_uint32, "uinteger": int(self._pcg.uinteger)}

    @state.setter
    def state(self, value):
        _check_name(value, self._name)
        st = value["state"]
        with self.lock:
            self._set(int(st["state"]) & _M128, int(st["inc"]) & _M128, False)
            self._pcg.has_uint32 = int(value["has_uint32"])
            self._pcg.uinteger = <uint32_t>int(value["uinteger"])
        if self._seed_seq is None:
            self._seed_seq = SeedlessSeedSequence()

    def advance(self, delta):
        """advance the state as if delta draws were made (delta mod 2**128)"""
        delta = int(delta) & _M128
        cdef ac_u128 d = ((<ac_u128>(<uint64_t>(delta >> 64))) << 64) | <uint64_t>(delta & _M64)
        with self.lock:
            ac_pcg64_advance(self._pcg, d, self._dxsm)
        return self

    def jumped(self, jumps=1):
        """a new generator advanced by jumps * (golden ratio * 2**128) draws"""
        bg = type(self).__new__(type(self))
        _init_like(bg, self)
        bg.state = self.state
        bg.advance(int(jumps) * 0x9e3779b97f4a7c15f39cc0605cedc835)
        return bg


cdef _init_like(BitGenerator bg, BitGenerator src):
    # the state blob and the seed sequence of a copy (state set afterwards)
    if isinstance(bg, PCG64):
        bg._alloc(sizeof(ac_pcg64_state), src._kind)
        (<PCG64>bg)._pcg = <ac_pcg64_state *>bg._state
        (<PCG64>bg)._dxsm = (<PCG64>src)._dxsm
        (<PCG64>bg)._name = (<PCG64>src)._name
    elif isinstance(bg, Philox):
        bg._alloc(sizeof(ac_philox_state), src._kind)
        (<Philox>bg)._ph = <ac_philox_state *>bg._state
    elif isinstance(bg, MT19937):
        bg._alloc(sizeof(ac_mt19937_state), src._kind)
        (<MT19937>bg)._mt = <ac_mt19937_state *>bg._state
    bg._seed_seq = src._seed_seq


cdef class PCG64DXSM(PCG64):
    """PCG64 with the DXSM output function and the cheap 64-bit multiplier
    (NumPy's recommended upgrade of PCG64)."""
    def _dxsm_kind(self):
        return 1


cdef class Philox(BitGenerator):
    """Philox4x64-10 (Salmon et al., counter-based): a 256-bit counter and a
    128-bit key; jumped() advances the counter by 2**128."""
    cdef ac_philox_state *_ph

    def __init__(self, seed=None, counter=None, key=None):
        self._alloc(sizeof(ac_philox_state), AC_BG_PHILOX)
        self._ph = <ac_philox_state *>self._state
        cdef int i
        if key is not None:
            if seed is not None:
                raise ValueError("seed and key cannot be both used")
            kk = int(key) if not hasattr(key, "__len__") else None
            if kk is not None:
                kw = [(kk >> (64 * i)) & _M64 for i in range(2)]
            else:
                kw = _words(key, 2, "key")
            self._seed_seq = SeedlessSeedSequence()
        else:
            self._seed_seq = _seed_seq_of(seed)
            w = self._seed_seq.generate_state(2, "uint64")
            kw = [int(v) for v in (w.tolist() if hasattr(w, "tolist") else w)]
        if counter is None:
            cw = [0, 0, 0, 0]
        elif not hasattr(counter, "__len__"):
            cw = [(int(counter) >> (64 * i)) & _M64 for i in range(4)]
        else:
            cw = _words(counter, 4, "counter")
        for i in range(2):
            self._ph.key[i] = <uint64_t>kw[i]
        for i in range(4):
            self._ph.ctr[i] = <uint64_t>cw[i]
            self._ph.buffer[i] = 0
        self._ph.buffer_pos = 4

    @property
    def state(self):
        cdef int i
        return {"bit_generator": "Philox",
                "state": {"counter": _u64_array([int(self._ph.ctr[i]) for i in range(4)]),
                          "key": _u64_array([int(self._ph.key[i]) for i in range(2)])},
                "buffer": _u64_array([int(self._ph.buffer[i]) for i in range(4)]),
                "buffer_pos": self._ph.buffer_pos,
                "has_uint32": self._ph.has_uint32, "uinteger": int(self._ph.uinteger)}

    @state.setter
    def state(self, value):
        _check_name(value, "Philox")
        cdef int i
        c = _words(value["state"]["counter"], 4, "counter")
        k = _words(value["state"]["key"], 2, "key")
        b = _words(value["buffer"], 4, "buffer")
        with self.lock:
            for i in range(4):
                self._ph.ctr[i] = <uint64_t>(c[i] & _M64)
                self._ph.buffer[i] = <uint64_t>(b[i] & _M64)
            for i in range(2):
                self._ph.key[i] = <uint64_t>(k[i] & _M64)
            self._ph.buffer_pos = int(value["buffer_pos"])
            self._ph.has_uint32 = int(value["has_uint32"])
            self._ph.uinteger = <uint32_t>int(value["uinteger"])

    def advance(self, delta):
        """advance the counter by delta (mod 2**256): delta blocks of 4 words"""
        delta = int(delta) & ((1 << 256) - 1)
        cdef uint64_t step[4]
        cdef int i
        for i in range(4):
            step[i] = <uint64_t>((delta >> (64 * i)) & _M64)
        with self.lock:
            ac_philox_advance(self._ph, step)
        return self

    def jumped(self, jumps=1):
        bg = Philox.__new__(Philox)
        _init_like(bg, self)
        bg.state = self.state
        bg.advance(int(jumps) << 128)
        return bg


cdef class SFC64(BitGenerator):
    """SFC64 (Doty-Humphrey's small fast chaotic generator, 256-bit state)."""
    cdef ac_sfc64_state *_sfc

    def __init__(self, seed=None):
        self._alloc(sizeof(ac_sfc64_state), AC_BG_SFC64)
        self._sfc = <ac_sfc64_state *>self._state
        self._seed_seq = _seed_seq_of(seed)
        w = self._seed_seq.generate_state(3, "uint64")
        w = [int(v) for v in (w.tolist() if hasattr(w, "tolist") else w)]
        cdef uint64_t s[3]
        for i in range(3):
            s[i] = <uint64_t>w[i]
        ac_sfc64_seed(self._sfc, s)

    @property
    def state(self):
        cdef int i
        return {"bit_generator": "SFC64",
                "state": {"state": _u64_array([int(self._sfc.s[i]) for i in range(4)])},
                "has_uint32": self._sfc.has_uint32, "uinteger": int(self._sfc.uinteger)}

    @state.setter
    def state(self, value):
        _check_name(value, "SFC64")
        s = _words(value["state"]["state"], 4, "state")
        cdef int i
        with self.lock:
            for i in range(4):
                self._sfc.s[i] = <uint64_t>(s[i] & _M64)
            self._sfc.has_uint32 = int(value["has_uint32"])
            self._sfc.uinteger = <uint32_t>int(value["uinteger"])

    def __reduce__(self):
        return (SFC64, (), self.state)


cdef class MT19937(BitGenerator):
    """MT19937 (the Mersenne Twister), seeded from a SeedSequence as NumPy's
    MT19937 is (not the legacy RandomState seeding)."""
    cdef ac_mt19937_state *_mt

    def __init__(self, seed=None):
        self._alloc(sizeof(ac_mt19937_state), AC_BG_MT19937)
        self._mt = <ac_mt19937_state *>self._state
        self._seed_seq = _seed_seq_of(seed)
        w = self._seed_seq.generate_state(624, "uint32")
        w = [int(v) for v in (w.tolist() if hasattr(w, "tolist") else w)]
        cdef int i
        # the first word with its top bit set keeps the state non-zero
        self._mt.key[0] = 0x80000000U
        for i in range(1, 624):
            self._mt.key[i] = <uint32_t>w[i]
        self._mt.pos = 623

    def _legacy_seeding(self, seed):
        """RandomState's seeding by a 32-bit integer (Matsumoto's init_genrand)"""
        seed = int(seed)
        if seed < 0 or seed > 0xFFFFFFFF:
            raise ValueError("Seed must be between 0 and 2**32 - 1")
        with self.lock:
            ac_mt19937_seed_legacy(self._mt, <uint32_t>seed)

    @property
    def state(self):
        cdef int i
        return {"bit_generator": "MT19937",
                "state": {"key": _u64_array([int(self._mt.key[i]) for i in range(624)], "uint32"),
                          "pos": self._mt.pos}}

    @state.setter
    def state(self, value):
        if isinstance(value, tuple):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        _check_name(value, "MT19937")
        k = _words(value["state"]["key"], 624, "key")
        cdef int i
        pos = int(value["state"]["pos"])
        if not 0 <= pos <= 624:
            raise ValueError("pos must be in [0, 624]")
        with self.lock:
            for i in range(624):
                self._mt.key[i] = <uint32_t>(k[i] & 0xFFFFFFFF)
            self._mt.pos = pos

    def jumped(self, jumps=1):
        """a new generator whose state is this one's moved on as if 2**128 * jumps
        words had been drawn (NumPy's jump polynomial and resulting state and
        position: tools/gen_mt19937_jump.py derives it, src/ac_random_bitgen.c
        applies it); jumps <= 0 gives a copy, as in NumPy"""
        cdef Py_ssize_t i, n = operator.index(jumps)
        cdef MT19937 bg = MT19937.__new__(MT19937)
        _init_like(bg, self)
        bg.state = self.state
        with nogil:
            for i in range(n):
                ac_mt19937_jump(bg._mt)
        return bg

    def __reduce__(self):
        return (MT19937, (), self.state)
