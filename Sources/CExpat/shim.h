#ifndef REGIONKIT_CEXPAT_SHIM_H
#define REGIONKIT_CEXPAT_SHIM_H
#include <expat.h>
#endif
