/*
 * ac_half.c -- IEEE 754 binary16 conversions with round-to-nearest-even.
 */
#include "ac_internal.h"
#include <string.h>

ac_uint16 ac_float_to_half(float f)
{
    uint32_t x, absx, e, mant, shift, rem, halfway, result;
    uint16_t sign;
    memcpy(&x, &f, 4);
    sign = (uint16_t)((x >> 16) & 0x8000u);
    absx = x & 0x7fffffffu;
    if (absx >= 0x7f800000u) {              /* inf or nan */
        if (absx > 0x7f800000u) {
            uint16_t m = (uint16_t)((absx >> 13) & 0x3ffu);
            return (uint16_t)(sign | 0x7c00u | (m ? m : 0x200u));
        }
        return (uint16_t)(sign | 0x7c00u);
    }
    if (absx >= 0x477ff000u) {              /* rounds to infinity */
        return (uint16_t)(sign | 0x7c00u);
    }
    e = absx >> 23;
    if (e < 113) {                          /* below 2**-14: half subnormal */
        if (e < 102) {
            return sign;
        }
        mant = (absx & 0x7fffffu) | 0x800000u;
        shift = 126 - e;
        result = mant >> shift;
        rem = mant & ((1u << shift) - 1u);
        halfway = 1u << (shift - 1);
        if (rem > halfway || (rem == halfway && (result & 1u))) {
            result++;
        }
        return (uint16_t)(sign | result);
    }
    result = ((e - 112) << 10) | ((absx & 0x7fffffu) >> 13);
    rem = absx & 0x1fffu;
    if (rem > 0x1000u || (rem == 0x1000u && (result & 1u))) {
        result++;
    }
    return (uint16_t)(sign | result);
}

ac_uint16 ac_double_to_half(double d)
{
    uint64_t x, absx, e, mant, shift, rem, halfway, result;
    uint16_t sign;
    memcpy(&x, &d, 8);
    sign = (uint16_t)((x >> 48) & 0x8000u);
    absx = x & 0x7fffffffffffffffULL;
    if (absx >= 0x7ff0000000000000ULL) {
        if (absx > 0x7ff0000000000000ULL) {
            uint16_t m = (uint16_t)((absx >> 42) & 0x3ffu);
            return (uint16_t)(sign | 0x7c00u | (m ? m : 0x200u));
        }
        return (uint16_t)(sign | 0x7c00u);
    }
    if (absx >= 0x40effe0000000000ULL) {
        return (uint16_t)(sign | 0x7c00u);
    }
    e = absx >> 52;
    if (e < 1009) {
        if (e < 998) {
            return sign;
        }
        mant = (absx & 0xfffffffffffffULL) | 0x10000000000000ULL;
        shift = 1051 - e;
        result = mant >> shift;
        rem = mant & ((1ULL << shift) - 1ULL);
        halfway = 1ULL << (shift - 1);
        if (rem > halfway || (rem == halfway && (result & 1u))) {
            result++;
        }
        return (uint16_t)(sign | result);
    }
    result = ((e - 1008) << 10) | ((absx & 0xfffffffffffffULL) >> 42);
    rem = absx & 0x3ffffffffffULL;
    if (rem > 0x20000000000ULL || (rem == 0x20000000000ULL && (result & 1u))) {
        result++;
    }
    return (uint16_t)(sign | result);
}

float ac_half_to_float(ac_uint16 h)
{
    uint32_t sign = ((uint32_t)h & 0x8000u) << 16;
    uint32_t e = ((uint32_t)h >> 10) & 0x1fu;
    uint32_t m = (uint32_t)h & 0x3ffu;
    uint32_t bits;
    float f;
    if (e == 0) {
        f = (float)m * 5.9604644775390625e-08f;   /* m * 2**-24, exact */
        return sign ? -f : f;
    }
    if (e == 31) {
        bits = sign | 0x7f800000u | (m << 13);
    }
    else {
        bits = sign | ((e + 112) << 23) | (m << 13);
    }
    memcpy(&f, &bits, 4);
    return f;
}

double ac_half_to_double(ac_uint16 h)
{
    return (double)ac_half_to_float(h);
}
