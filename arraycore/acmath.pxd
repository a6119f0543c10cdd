# arraycore/acmath.pxd -- the core math library <arraycore/acmath.h> for Cython:
#
#     from arraycore cimport acmath
#     cdef double y = acmath.ac_logaddexp(x, 0.0)
#     cdef acmath.ac_half h = acmath.ac_double_to_half(y)
#
# Header-only (static inline C): nothing to link but libm.  Build with the
# include directory arraycore.get_include().  All functions are nogil.

cdef extern from "arraycore/acmath.h" nogil:
    ctypedef unsigned short ac_half
    ctypedef struct ac_cdouble:
        double real
        double imag
    ctypedef struct ac_cfloat:
        float real
        float imag

    # ------------------------------------------------------------ constants
    const double AC_E
    const double AC_LOG2E
    const double AC_LOG10E
    const double AC_LOGE2
    const double AC_LOGE10
    const double AC_PI
    const double AC_PI_2
    const double AC_PI_4
    const double AC_1_PI
    const double AC_2_PI
    const double AC_EULER
    const double AC_SQRT2
    const double AC_SQRT1_2
    const float AC_Ef
    const float AC_LOG2Ef
    const float AC_LOG10Ef
    const float AC_LOGE2f
    const float AC_LOGE10f
    const float AC_PIf
    const float AC_PI_2f
    const float AC_PI_4f
    const float AC_1_PIf
    const float AC_2_PIf
    const float AC_EULERf
    const float AC_SQRT2f
    const float AC_SQRT1_2f
    const long double AC_El
    const long double AC_LOG2El
    const long double AC_LOG10El
    const long double AC_LOGE2l
    const long double AC_LOGE10l
    const long double AC_PIl
    const long double AC_PI_2l
    const long double AC_PI_4l
    const long double AC_1_PIl
    const long double AC_2_PIl
    const long double AC_EULERl
    const long double AC_SQRT2l
    const long double AC_SQRT1_2l
    const double AC_INFINITY
    const double AC_NAN
    const double AC_PZERO
    const double AC_NZERO
    const float AC_INFINITYF
    const float AC_NANF
    const float AC_PZEROF
    const float AC_NZEROF

    # ------------------------------------------- IEEE helpers (type-generic)
    bint ac_isnan(long double x)
    bint ac_isinf(long double x)
    bint ac_isfinite(long double x)
    bint ac_signbit(long double x)

    # ------------------------------------------------------- libm wrappers
    double ac_sin(double x)
    float ac_sinf(float x)
    long double ac_sinl(long double x)
    double ac_cos(double x)
    float ac_cosf(float x)
    long double ac_cosl(long double x)
    double ac_tan(double x)
    float ac_tanf(float x)
    long double ac_tanl(long double x)
    double ac_asin(double x)
    float ac_asinf(float x)
    long double ac_asinl(long double x)
    double ac_acos(double x)
    float ac_acosf(float x)
    long double ac_acosl(long double x)
    double ac_atan(double x)
    float ac_atanf(float x)
    long double ac_atanl(long double x)
    double ac_sinh(double x)
    float ac_sinhf(float x)
    long double ac_sinhl(long double x)
    double ac_cosh(double x)
    float ac_coshf(float x)
    long double ac_coshl(long double x)
    double ac_tanh(double x)
    float ac_tanhf(float x)
    long double ac_tanhl(long double x)
    double ac_asinh(double x)
    float ac_asinhf(float x)
    long double ac_asinhl(long double x)
    double ac_acosh(double x)
    float ac_acoshf(float x)
    long double ac_acoshl(long double x)
    double ac_atanh(double x)
    float ac_atanhf(float x)
    long double ac_atanhl(long double x)
    double ac_exp(double x)
    float ac_expf(float x)
    long double ac_expl(long double x)
    double ac_exp2(double x)
    float ac_exp2f(float x)
    long double ac_exp2l(long double x)
    double ac_expm1(double x)
    float ac_expm1f(float x)
    long double ac_expm1l(long double x)
    double ac_log(double x)
    float ac_logf(float x)
    long double ac_logl(long double x)
    double ac_log2(double x)
    float ac_log2f(float x)
    long double ac_log2l(long double x)
    double ac_log10(double x)
    float ac_log10f(float x)
    long double ac_log10l(long double x)
    double ac_log1p(double x)
    float ac_log1pf(float x)
    long double ac_log1pl(long double x)
    double ac_sqrt(double x)
    float ac_sqrtf(float x)
    long double ac_sqrtl(long double x)
    double ac_cbrt(double x)
    float ac_cbrtf(float x)
    long double ac_cbrtl(long double x)
    double ac_fabs(double x)
    float ac_fabsf(float x)
    long double ac_fabsl(long double x)
    double ac_floor(double x)
    float ac_floorf(float x)
    long double ac_floorl(long double x)
    double ac_ceil(double x)
    float ac_ceilf(float x)
    long double ac_ceill(long double x)
    double ac_trunc(double x)
    float ac_truncf(float x)
    long double ac_truncl(long double x)
    double ac_rint(double x)
    float ac_rintf(float x)
    long double ac_rintl(long double x)
    double ac_hypot(double x, double y)
    float ac_hypotf(float x, float y)
    long double ac_hypotl(long double x, long double y)
    double ac_atan2(double x, double y)
    float ac_atan2f(float x, float y)
    long double ac_atan2l(long double x, long double y)
    double ac_pow(double x, double y)
    float ac_powf(float x, float y)
    long double ac_powl(long double x, long double y)
    double ac_fmod(double x, double y)
    float ac_fmodf(float x, float y)
    long double ac_fmodl(long double x, long double y)
    double ac_copysign(double x, double y)
    float ac_copysignf(float x, float y)
    long double ac_copysignl(long double x, long double y)
    double ac_nextafter(double x, double y)
    float ac_nextafterf(float x, float y)
    long double ac_nextafterl(long double x, long double y)
    double ac_modf(double x, double *ip)
    float ac_modff(float x, float *ip)
    double ac_frexp(double x, int *e)
    float ac_frexpf(float x, int *e)
    double ac_ldexp(double x, int e)
    float ac_ldexpf(float x, int e)
    double ac_spacing(double x)
    float ac_spacingf(float x)
    long double ac_spacingl(long double x)

    # ---------------------------------------------- floating-point status
    enum:
        AC_FPE_DIVIDEBYZERO
        AC_FPE_OVERFLOW
        AC_FPE_UNDERFLOW
        AC_FPE_INVALID
    int ac_get_floatstatus()
    int ac_clear_floatstatus()
    int ac_get_floatstatus_barrier(char *param)
    int ac_clear_floatstatus_barrier(char *param)
    void ac_set_floatstatus_divbyzero()
    void ac_set_floatstatus_overflow()
    void ac_set_floatstatus_underflow()
    void ac_set_floatstatus_invalid()

    # --------------------------------------------------------- half floats
    const ac_half AC_HALF_ZERO
    const ac_half AC_HALF_PZERO
    const ac_half AC_HALF_NZERO
    const ac_half AC_HALF_ONE
    const ac_half AC_HALF_NEGONE
    const ac_half AC_HALF_PINF
    const ac_half AC_HALF_NINF
    const ac_half AC_HALF_NAN
    const ac_half AC_MAX_HALF
    float ac_half_to_float(ac_half h)
    double ac_half_to_double(ac_half h)
    ac_half ac_float_to_half(float f)
    ac_half ac_double_to_half(double d)
    ac_half ac_floatbits_to_halfbits(unsigned int f)
    ac_half ac_doublebits_to_halfbits(unsigned long long d)
    unsigned int ac_halfbits_to_floatbits(ac_half h)
    unsigned long long ac_halfbits_to_doublebits(ac_half h)
    bint ac_half_isnan(ac_half h)
    bint ac_half_isinf(ac_half h)
    bint ac_half_isfinite(ac_half h)
    bint ac_half_signbit(ac_half h)
    bint ac_half_iszero(ac_half h)
    ac_half ac_half_copysign(ac_half x, ac_half y)
    bint ac_half_eq(ac_half a, ac_half b)
    bint ac_half_ne(ac_half a, ac_half b)
    bint ac_half_lt(ac_half a, ac_half b)
    bint ac_half_le(ac_half a, ac_half b)
    bint ac_half_gt(ac_half a, ac_half b)
    bint ac_half_ge(ac_half a, ac_half b)
    bint ac_half_eq_nonan(ac_half a, ac_half b)
    bint ac_half_lt_nonan(ac_half a, ac_half b)
    bint ac_half_le_nonan(ac_half a, ac_half b)
    ac_half ac_half_nextafter(ac_half x, ac_half y)
    ac_half ac_half_spacing(ac_half h)

    # ------------------------------------------------------------- complex
    ac_cdouble ac_cpack(double re, double im)
    ac_cfloat ac_cpackf(float re, float im)
    double ac_creal(ac_cdouble z)
    double ac_cimag(ac_cdouble z)
    float ac_crealf(ac_cfloat z)
    float ac_cimagf(ac_cfloat z)
    void ac_csetreal(ac_cdouble *z, double v)
    void ac_csetimag(ac_cdouble *z, double v)
    void ac_csetrealf(ac_cfloat *z, float v)
    void ac_csetimagf(ac_cfloat *z, float v)
    double ac_cabs(ac_cdouble z)
    float ac_cabsf(ac_cfloat z)
    double ac_carg(ac_cdouble z)
    float ac_cargf(ac_cfloat z)
    ac_cdouble ac_cpow(ac_cdouble a, ac_cdouble b)
    ac_cfloat ac_cpowf(ac_cfloat a, ac_cfloat b)
    ac_cdouble ac_cexp(ac_cdouble z)
    ac_cfloat ac_cexpf(ac_cfloat z)
    ac_cdouble ac_clog(ac_cdouble z)
    ac_cfloat ac_clogf(ac_cfloat z)
    ac_cdouble ac_csqrt(ac_cdouble z)
    ac_cfloat ac_csqrtf(ac_cfloat z)
    ac_cdouble ac_csin(ac_cdouble z)
    ac_cfloat ac_csinf(ac_cfloat z)
    ac_cdouble ac_ccos(ac_cdouble z)
    ac_cfloat ac_ccosf(ac_cfloat z)
    ac_cdouble ac_ctan(ac_cdouble z)
    ac_cfloat ac_ctanf(ac_cfloat z)
    ac_cdouble ac_csinh(ac_cdouble z)
    ac_cfloat ac_csinhf(ac_cfloat z)
    ac_cdouble ac_ccosh(ac_cdouble z)
    ac_cfloat ac_ccoshf(ac_cfloat z)
    ac_cdouble ac_ctanh(ac_cdouble z)
    ac_cfloat ac_ctanhf(ac_cfloat z)
    ac_cdouble ac_casin(ac_cdouble z)
    ac_cfloat ac_casinf(ac_cfloat z)
    ac_cdouble ac_cacos(ac_cdouble z)
    ac_cfloat ac_cacosf(ac_cfloat z)
    ac_cdouble ac_catan(ac_cdouble z)
    ac_cfloat ac_catanf(ac_cfloat z)
    ac_cdouble ac_casinh(ac_cdouble z)
    ac_cfloat ac_casinhf(ac_cfloat z)
    ac_cdouble ac_cacosh(ac_cdouble z)
    ac_cfloat ac_cacoshf(ac_cfloat z)
    ac_cdouble ac_catanh(ac_cdouble z)
    ac_cfloat ac_catanhf(ac_cfloat z)

    # ------------------------------------------------ NumPy-style helpers
    double ac_logaddexp(double x, double y)
    double ac_logaddexp2(double x, double y)
    double ac_deg2rad(double x)
    double ac_rad2deg(double x)
    double ac_divmod(double a, double b, double *mod)
    double ac_floor_divide(double a, double b)
    double ac_remainder(double a, double b)
    float ac_logaddexpf(float x, float y)
    float ac_logaddexp2f(float x, float y)
    float ac_deg2radf(float x)
    float ac_rad2degf(float x)
    float ac_divmodf(float a, float b, float *mod)
    float ac_floor_dividef(float a, float b)
    float ac_remainderf(float a, float b)
