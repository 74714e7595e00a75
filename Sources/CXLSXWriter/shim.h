#ifndef REGIONKIT_CXLSXWRITER_SHIM_H
#define REGIONKIT_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
