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

/* Whether UTF-8 bytes are read the same with and without the UTF-8 converter switched
   in: htmlParseDocument guesses an encoding from the first four bytes (after a byte-order
   mark, which either way is skipped); a guess of UTF-16, UCS-4 or EBCDIC would convert a
   page that has no converter yet, and is ignored by one that has. Those pages keep the
   converter. */
static inline int ca_utf8_reads_alike(const char *buffer, int size) {
    const unsigned char *bytes = (const unsigned char *) buffer;
    int offset = (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0;
    if (size - offset < 4) return 1;
    xmlCharEncoding guess = xmlDetectCharEncoding(bytes + offset, 4);
    return guess == XML_CHAR_ENCODING_NONE || guess == XML_CHAR_ENCODING_UTF8;
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
    if (encoding != NULL && strcmp(encoding, "UTF-8") == 0 && ca_utf8_reads_alike(buffer, size)) {
        /* UTF-8 in, UTF-8 read: no converter. The document layer names UTF-8 only for bytes
           that are valid UTF-8 (other encodings are decoded first, invalid UTF-8 repaired),
           which the parser reads as they are; switched to the UTF-8 handler, libxml2 2.9
           first copies the whole page through its UTF-8 to UTF-8 "conversion". Naming the
           encoding still keeps a <meta charset> from switching it, as before. */
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup((const xmlChar *) encoding);
    } else if (encoding != NULL) {
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
