/*
 * ac_export.h -- the export macro of the C core.
 *
 * All plain C of arraycore is compiled once, into the shared library
 * libaccore inside the package, with hidden symbol visibility: a function
 * or variable is visible to the extension modules (and the test modules)
 * only when its declaration carries AC_EXPORT.  Everything else stays
 * private to the library, so each global of the core exists once per
 * process and no extension module re-exports core internals.
 */
#ifndef ARRAYCORE_AC_EXPORT_H
#define ARRAYCORE_AC_EXPORT_H

#if defined(_WIN32)
#  if defined(AC_BUILDING_CORE)
#    define AC_EXPORT __declspec(dllexport)
#  else
#    define AC_EXPORT __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define AC_EXPORT __attribute__((visibility("default")))
#else
#  define AC_EXPORT
#endif

#endif
