#ifndef CONTACT_AUDIT_CPHONENUMBER_H
#define CONTACT_AUDIT_CPHONENUMBER_H

/* A plain-C face for Google's libphonenumber (C++), so that no Swift module has to
   switch to C++ interoperability. Strings are UTF-8, offsets are UTF-8 byte offsets
   into the text given, all output lives in caller-owned fixed-size structs, so there
   is nothing to free. Every function is safe to call from several threads at once:
   libphonenumber's PhoneNumberUtil is an immutable singleton. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Mirrors i18n::phonenumbers::PhoneNumberUtil::PhoneNumberType. */
typedef enum {
    CPN_TYPE_FIXED_LINE = 0,
    CPN_TYPE_MOBILE = 1,
    CPN_TYPE_FIXED_LINE_OR_MOBILE = 2,
    CPN_TYPE_TOLL_FREE = 3,
    CPN_TYPE_PREMIUM_RATE = 4,
    CPN_TYPE_SHARED_COST = 5,
    CPN_TYPE_VOIP = 6,
    CPN_TYPE_PERSONAL_NUMBER = 7,
    CPN_TYPE_PAGER = 8,
    CPN_TYPE_UAN = 9,
    CPN_TYPE_VOICEMAIL = 10,
    CPN_TYPE_UNKNOWN = 11
} cpn_number_type;

/* Mirrors PhoneNumberUtil::ErrorType, plus CPN_NOT_VALID for a number that parses
   but that the region's metadata does not accept. */
typedef enum {
    CPN_OK = 0,
    CPN_INVALID_COUNTRY_CODE = 1,
    CPN_NOT_A_NUMBER = 2,
    CPN_TOO_SHORT_AFTER_IDD = 3,
    CPN_TOO_SHORT_NSN = 4,
    CPN_TOO_LONG_NSN = 5,
    CPN_NOT_VALID = 6
} cpn_status;

typedef struct {
    char e164[24];        /* "+78001007010" */
    char extension[24];   /* "" when none */
    char region[4];       /* region the number belongs to ("RU"), "" when unknown */
    int country_code;     /* 7 */
    cpn_number_type type;
    int is_valid;         /* PhoneNumberUtil::IsValidNumber */
} cpn_number;

typedef struct {
    size_t start;         /* UTF-8 byte offset of the match in the text */
    size_t end;           /* one past the last byte */
    cpn_number number;
} cpn_match;

/* Finds the numbers in UTF-8 text with PhoneNumberMatcher at leniency VALID, numbers
   written without a country code read as numbers of `region` (ISO 3166 alpha-2, or
   "ZZ" for none). Writes at most `capacity` matches and returns how many there are
   in total, which may be more than `capacity`. */
size_t cpn_find_numbers(const char *text, size_t length, const char *region,
                        cpn_match *matches, size_t capacity);

/* Parses one number (any national or international spelling) for `region` and fills
   `out`; CPN_NOT_VALID when it parses but is not a valid number. */
cpn_status cpn_parse(const char *text, size_t length, const char *region, cpn_number *out);

/* ShortNumberInfo: 1 when `digits` is a valid short number (emergency, service) in
   `region`, else 0. */
int cpn_is_valid_short_number(const char *digits, const char *region);

/* ShortNumberInfo::IsEmergencyNumber. */
int cpn_is_emergency_number(const char *digits, const char *region);

/* 1 when libphonenumber has metadata for the region code. */
int cpn_is_supported_region(const char *region);

/* The path of the loaded libphonenumber shared library (from dladdr), or "" when it is
   linked statically or unknown. */
const char *cpn_library_path(void);

/* libphonenumber has no version API and its metadata is compiled in: this text (every
   supported region with its calling code and example numbers of each type) changes when
   the metadata does, and is hashed as the metadata's fingerprint. Computed once. */
const char *cpn_metadata_summary(void);

#ifdef __cplusplus
}
#endif

#endif
