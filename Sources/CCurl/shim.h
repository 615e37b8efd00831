#ifndef CONTACT_AUDIT_CCURL_SHIM_H
#define CONTACT_AUDIT_CCURL_SHIM_H

#include <curl/curl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift
   cannot call. Each wrapper below fixes the type of the third argument and returns
   libcurl's code unchanged, 1:1, so the Swift side sees every error. */

static inline CURLcode ca_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*ca_write_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode ca_easy_setopt_write_function(CURL *handle, ca_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
static inline CURLcode ca_easy_setopt_header_function(CURL *handle, ca_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/* CURLVERSION_NOW is a macro naming an enum case, which Swift does not import. */
static inline curl_version_info_data *ca_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

/* The debug callback: the only place libcurl shows the request headers it sent. */
typedef int (*ca_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);
static inline CURLcode ca_easy_setopt_debug_function(CURL *handle, ca_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode ca_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode ca_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode ca_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode ca_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}


/* The multi interface: one event loop driving many easy handles (the crawler). */

static inline CURLMcode ca_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

/* curl_multi_info_read returns a struct holding a union, which Swift imports awkwardly;
   this reads one finished transfer (msg == CURLMSG_DONE) into plain out-parameters.
   Returns 1 when a finished transfer was read, 0 when there is none left. Other message
   kinds do not exist in libcurl 7.88 and are skipped. */
static inline int ca_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result) {
    int left = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &left)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

/* A hook reserved for the address policy (issue 8): CURLOPT_PREREQFUNCTION receives the
   connected peer's address for every connection, including each redirect hop, so the
   check can be made on what was actually connected to rather than on the URL text. */
typedef int (*ca_prereq_callback)(void *context, char *conn_primary_ip, char *conn_local_ip,
                                  int conn_primary_port, int conn_local_port);
static inline CURLcode ca_easy_setopt_prereq_function(CURL *handle, ca_prereq_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, callback);
}

/* The address policy (issue 8) refuses a connection before it is made: libcurl calls
   CURLOPT_OPENSOCKETFUNCTION with each address it is about to connect to (after DNS, for
   every address of a name, every redirect hop, the proxy when there is one). Returning
   CURL_SOCKET_BAD refuses that address; otherwise the callback must open the socket,
   which ca_socket_open does exactly as libcurl would. */
typedef curl_socket_t (*ca_opensocket_callback)(void *context, curlsocktype purpose,
                                                struct curl_sockaddr *address);
static inline CURLcode ca_easy_setopt_opensocket_function(CURL *handle, ca_opensocket_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}
static inline curl_socket_t ca_socket_open(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}
/* The numeric address and port of a curl_sockaddr (IPv4 or IPv6) into `text`, which
   holds INET6_ADDRSTRLEN bytes. Returns 0 on success, -1 for another address family. */
static inline int ca_sockaddr_numeric(const struct curl_sockaddr *address, char *text, int *port) {
    if (address->family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&address->addr;
        *port = ntohs(v4->sin_port);
        return inet_ntop(AF_INET, &v4->sin_addr, text, INET6_ADDRSTRLEN) ? 0 : -1;
    }
    if (address->family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&address->addr;
        *port = ntohs(v6->sin6_port);
        return inet_ntop(AF_INET6, &v6->sin6_addr, text, INET6_ADDRSTRLEN) ? 0 : -1;
    }
    return -1;
}
static const int ca_address_text_size = INET6_ADDRSTRLEN;

#endif
