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
#include <libxml/parserInternals.h>
#include <string.h>

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

/* A parser that reports to SAX callbacks instead of building a tree, set up exactly as
   libxml2 2.9's htmlReadMemory sets up its own (xmlCreateMemoryParserCtxt, the HTML
   handler copied over the SAX1 part, then htmlDoRead's options, encoding and URL), so
   that the events are the ones the tree builder would have seen. NULL when no parser
   could be made. The caller runs htmlParseDocument and then ca_html_sax_free. */
static inline htmlParserCtxtPtr ca_html_sax_parser(const char *buffer, int size, const char *url,
                                                   const char *encoding, int options,
                                                   const htmlSAXHandler *handler, void *user) {
    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    if (ctxt->sax != NULL) memcpy(ctxt->sax, handler, sizeof(xmlSAXHandlerV1));
    ctxt->userData = user;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr encoder = xmlFindCharEncodingHandler(encoding);
        if (encoder != NULL) {
            xmlSwitchToEncoding(ctxt, encoder);
            if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *) encoding);
        }
    }
    if (url != NULL && ctxt->input != NULL && ctxt->input->filename == NULL)
        ctxt->input->filename = (char *) xmlStrdup((const xmlChar *) url);
    return ctxt;
}

static inline void ca_html_sax_free(htmlParserCtxtPtr ctxt) {
    if (ctxt->myDoc != NULL) {
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    htmlFreeParserCtxt(ctxt);
}

/* xmlParserVersion is a macro over a per-thread accessor in threaded builds. */
static inline const char *ca_xml_parser_version(void) {
    return xmlParserVersion;
}

#endif
