#ifndef CONTACT_AUDIT_CZLIB_SHIM_H
#define CONTACT_AUDIT_CZLIB_SHIM_H

#include <zlib.h>

/* deflateInit2 and inflateInit2 are macros (they pass ZLIB_VERSION and the size of
   z_stream for zlib's ABI check), which Swift cannot call. */

static inline int cz_deflate_init(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
static inline int cz_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
