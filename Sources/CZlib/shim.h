#ifndef REGIONKIT_CZLIB_SHIM_H
#define REGIONKIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
