"""arraycore.random._seedseq -- SeedSequence: entropy pooling and the seed
words of the bit generators, the same words as NumPy's SeedSequence for the
same entropy and spawn key (O'Neill's seed_seq design with its 32-bit hash
mixing, as NumPy documents).  Pure Python: the pool is four 32-bit words."""
import operator
import secrets

__all__ = ["SeedSequence", "SeedlessSeedSequence"]

_POOL = 4
_M32 = 0xFFFFFFFF
_INIT_A = 0x43b0d7e5
_MULT_A = 0x931e8875
_INIT_B = 0x8b51f9dd
_MULT_B = 0x58f38ded
_MIX_L = 0xca01f9dd
_MIX_R = 0x4973f715
_XSHIFT = 16


def _words_of_int(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    if n == 0:
        return [0]
    out = []
    while n > 0:
        out.append(n & _M32)
        n >>= 32
    return out


def _is_int(x):
    if isinstance(x, bool):
        return True
    try:
        operator.index(x)
    except TypeError:
        return False
    return True


def _words(x):
    """entropy (int, str of digits, nested sequences of ints) as 32-bit words"""
    if isinstance(x, str):
        if x.startswith("0x"):
            x = int(x, 16)
        elif x.startswith("0") and len(x) > 1:
            x = int(x, 8)
        else:
            x = int(x)
    if _is_int(x):
        return _words_of_int(operator.index(x))
    if isinstance(x, (float, complex)) or getattr(x, "dtype", None) is not None and \
            getattr(x, "ndim", 1) == 0:
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r"
                        % (x,))
    dt = getattr(x, "dtype", None)
    if dt is not None and str(dt) == "uint32":
        return [int(v) for v in _flat(x)]
    out = []
    for v in x:
        out.extend(_words(v))
    return out


def _flat(x):
    try:
        return x.ravel().tolist()
    except AttributeError:
        return list(x)


class _Hash:
    def __init__(self):
        self.c = _INIT_A

    def __call__(self, v):
        v = (v ^ self.c) & _M32
        self.c = (self.c * _MULT_A) & _M32
        v = (v * self.c) & _M32
        return v ^ (v >> _XSHIFT)


def _mix(x, y):
    r = (_MIX_L * x - _MIX_R * y) & _M32
    return r ^ (r >> _XSHIFT)


class SeedSequence:
    """Mixes sources of entropy into seed words for bit generators, and spawns
    independent children (NumPy's SeedSequence, same words)."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=_POOL, n_children_spawned=0):
        if pool_size < _POOL:
            raise ValueError("The size of the entropy pool should be at least %d" % _POOL)
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not (_is_int(entropy) or isinstance(entropy, (list, tuple, range, str))
                  or hasattr(entropy, "__array__") or hasattr(entropy, "__len__")):
            raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r"
                            % (entropy,))
        if isinstance(entropy, float):
            raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r"
                            % (entropy,))
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        self._pool = self._mix_pool(self._assembled())

    def _assembled(self):
        run = _words(self.entropy)
        spawn = _words(list(self.spawn_key))
        if spawn and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))
        return run + spawn

    def _mix_pool(self, ent):
        h = _Hash()
        n = self.pool_size
        pool = [h(ent[i] if i < len(ent) else 0) for i in range(n)]
        for s in range(n):
            for d in range(n):
                if s != d:
                    pool[d] = _mix(pool[d], h(pool[s]))
        for s in range(n, len(ent)):
            for d in range(n):
                pool[d] = _mix(pool[d], h(ent[s]))
        return pool

    @property
    def state(self):
        return {"entropy": self.entropy, "spawn_key": self.spawn_key,
                "pool_size": self.pool_size, "n_children_spawned": self.n_children_spawned}

    @property
    def pool(self):
        from arraycore import asarray
        return asarray(self._pool, dtype="uint32")

    def generate_words(self, n_words, bits=32):
        """the state words as Python ints (bits 32 or 64)"""
        n = int(n_words) * (2 if bits == 64 else 1)
        c = _INIT_B
        out = []
        pool = self._pool
        for i in range(n):
            v = pool[i % len(pool)] ^ c
            c = (c * _MULT_B) & _M32
            v = (v * c) & _M32
            out.append(v ^ (v >> _XSHIFT))
        if bits == 64:
            return [out[2 * i] | (out[2 * i + 1] << 32) for i in range(n // 2)]
        return out

    def generate_state(self, n_words, dtype="uint32"):
        from arraycore import asarray, dtype as _dt
        d = _dt(dtype)
        if d == _dt("uint32"):
            return asarray(self.generate_words(n_words, 32), dtype="uint32")
        if d == _dt("uint64"):
            return asarray(self.generate_words(n_words, 64), dtype="uint64")
        raise ValueError("only support uint32 or uint64")

    def spawn(self, n_children):
        n_children = operator.index(n_children)
        if n_children < 0:
            raise ValueError("n_children must be non-negative")
        start = self.n_children_spawned
        seqs = [type(self)(self.entropy, spawn_key=self.spawn_key + (i,),
                           pool_size=self.pool_size)
                for i in range(start, start + n_children)]
        self.n_children_spawned += n_children
        return seqs

    def __repr__(self):
        parts = ["entropy=%r" % (self.entropy,)]
        if self.spawn_key:
            parts.append("spawn_key=%r" % (self.spawn_key,))
        if self.pool_size != _POOL:
            parts.append("pool_size=%r" % (self.pool_size,))
        if self.n_children_spawned:
            parts.append("n_children_spawned=%r" % (self.n_children_spawned,))
        return "SeedSequence(%s)" % ", ".join(parts)


class SeedlessSeedSequence:
    """A placeholder for bit generators seeded from a state, not a seed."""

    def generate_state(self, n_words, dtype="uint32"):
        raise NotImplementedError("seedless SeedSequences cannot generate state")

    def spawn(self, n_children):
        return [self] * n_children
