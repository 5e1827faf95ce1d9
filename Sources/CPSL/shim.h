// libpsl, the Public Suffix List library (Debian: libpsl-dev), for the cookie jar's public-suffix
// checks and registrable domains. Its own header declares everything Network calls.
#ifndef CPSL_SHIM_H
#define CPSL_SHIM_H

#include <libpsl.h>

#endif
