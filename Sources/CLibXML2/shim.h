#ifndef CONTACT_AUDIT_CLIBXML2_SHIM_H
#define CONTACT_AUDIT_CLIBXML2_SHIM_H

/* xmlversion.h first so that the ICU switch can be turned off before encoding.h
   is read: Debian builds libxml2 with ICU, and its unicode/ucnv.h clashes with the
   ICU that Foundation bundles ("'UErrorCode' has different definitions").
   We never touch xmlCharEncodingHandler's fields, so nothing is lost. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects it as shared
   mutable state, so it is called from C. */
static inline void ca_xml_free(void *pointer) {
    xmlFree(pointer);
}

/* True when libxml2 (through iconv) can convert from this encoding name; the handler
   is closed at once, we only ask. */
static inline int ca_xml_encoding_supported(const char *name) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name);
    if (handler == NULL) return 0;
    xmlCharEncCloseFunc(handler);
    return 1;
}

/* HTML_PARSE_NOERROR silences the parser's own reports, but encoding and I/O errors
   still go to the generic error handler (stderr). That handler is variadic, which Swift
   cannot implement, and per thread, so every parse installs these first. */
static inline void ca_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}
static inline void ca_xml_ignore_structured_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}
static inline void ca_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, ca_xml_ignore_generic_error);
    xmlSetStructuredErrorFunc(NULL, ca_xml_ignore_structured_error);
}

#endif
