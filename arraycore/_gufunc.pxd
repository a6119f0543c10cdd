# arraycore/_gufunc.pxd -- generalized ufuncs (core signatures) for _capi.
from arraycore._ufunc cimport ufunc, ACUFuncGenericFunction

cdef ufunc new_gufunc(str name, int nin, int nout, int ntypes, const unsigned char *types,
                      ACUFuncGenericFunction *funcs, void **data, str doc, str signature)
