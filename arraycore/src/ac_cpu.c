/* ac_cpu.c -- detection of the run-time dispatch level (see ac_cpu.h). */
#include <stdlib.h>
#include <string.h>
#include "ac_cpu.h"
#if AC_HAVE_DISPATCH
#include <cpuid.h>
#endif

static int ac_level = -1;

static int detect(void)
{
    int level = AC_CPU_BASELINE;
#if AC_HAVE_DISPATCH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        level = AC_CPU_AVX2;
    if (level == AC_CPU_AVX2 && __builtin_cpu_supports("avx512f")
            && __builtin_cpu_supports("avx512dq")
            && __builtin_cpu_supports("avx512vl")
            && __builtin_cpu_supports("avx512bw"))
        level = AC_CPU_AVX512;
#endif
    const char *env = getenv("ARRAYCORE_CPU");
    if (env != NULL) {
        int cap = level;
        if (strcmp(env, "baseline") == 0) cap = AC_CPU_BASELINE;
        else if (strcmp(env, "avx2") == 0) cap = AC_CPU_AVX2;
        if (cap < level) level = cap;
    }
    return level;
}

int ac_cpu_level(void)
{
    int level = __atomic_load_n(&ac_level, __ATOMIC_RELAXED);
    if (level < 0) {
        level = detect();
        __atomic_store_n(&ac_level, level, __ATOMIC_RELAXED);
    }
    return level;
}

const char *ac_cpu_level_name(int level)
{
    switch (level) {
    case AC_CPU_AVX512: return "avx512";
    case AC_CPU_AVX2: return "avx2";
    default: return "baseline";
    }
}

static int ac_prefetch = -1;

int ac_cpu_stream_prefetch(void)
{
    int on = __atomic_load_n(&ac_prefetch, __ATOMIC_RELAXED);
    if (on < 0) {
        on = 1;
#if AC_HAVE_DISPATCH
        __builtin_cpu_init();
        if (__builtin_cpu_is("amd"))
            on = 0;
#endif
        const char *env = getenv("ARRAYCORE_STREAM_PREFETCH");
        if (env != NULL && (strcmp(env, "0") == 0 || strcmp(env, "1") == 0))
            on = env[0] == '1';
        __atomic_store_n(&ac_prefetch, on, __ATOMIC_RELAXED);
    }
    return on;
}

static int ac_gather = -1;

int ac_cpu_fast_gather(void)
{
    int on = __atomic_load_n(&ac_gather, __ATOMIC_RELAXED);
    if (on < 0) {
        on = 0;
#if AC_HAVE_DISPATCH
        __builtin_cpu_init();
        if (ac_cpu_level() >= AC_CPU_AVX2 && __builtin_cpu_is("amd")) {
            /* family 0x19 (Zen 3, Zen 4) and later */
            unsigned a = 0, b, c, d, family;
            if (__get_cpuid(1, &a, &b, &c, &d)) {
                family = (a >> 8) & 0xF;
                if (family == 0xF)
                    family += (a >> 20) & 0xFF;
                on = family >= 0x19;
            }
        }
#endif
        const char *env = getenv("ARRAYCORE_GATHER");
        if (env != NULL && (strcmp(env, "0") == 0 || strcmp(env, "1") == 0))
            on = env[0] == '1' && ac_cpu_level() >= AC_CPU_AVX2;
        __atomic_store_n(&ac_gather, on, __ATOMIC_RELAXED);
    }
    return on;
}
