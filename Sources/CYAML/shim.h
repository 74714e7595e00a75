#ifndef REGIONKIT_CYAML_SHIM_H
#define REGIONKIT_CYAML_SHIM_H
#include <yaml.h>
#endif
