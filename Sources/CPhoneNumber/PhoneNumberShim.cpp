// The only translation unit that sees libphonenumber's C++ API.
#include "CPhoneNumber.h"

#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;
using i18n::phonenumbers::ShortNumberInfo;

namespace {

const PhoneNumberUtil &util() {
    return *PhoneNumberUtil::GetInstance();
}

// ShortNumberInfo loads its metadata in the constructor; one shared instance is
// read-only afterwards. A function-local static is initialised thread-safely.
const ShortNumberInfo &shortInfo() {
    static const ShortNumberInfo *info = new ShortNumberInfo();
    return *info;
}

void copyString(char *destination, size_t capacity, const std::string &source) {
    size_t count = source.size() < capacity - 1 ? source.size() : capacity - 1;
    std::memcpy(destination, source.data(), count);
    destination[count] = '\0';
}

// What describe and cpn_parse work out is a function of their input alone (the metadata
// is compiled in and immutable), and pages state the same numbers again and again (a
// header's and a footer's tel: link, one number on every page of a site, a number read in
// each of a block's regions); the library's answer costs regex matches per region of a
// calling code (25 for +1). Memos remember the answers for the process, both threads,
// bounded: emptied when full.
template <typename Value>
class Memo {
public:
    bool find(const std::string &key, Value *value) {
        std::lock_guard<std::mutex> guard(lock_);
        auto found = entries_.find(key);
        if (found == entries_.end()) return false;
        *value = found->second;
        return true;
    }

    void store(const std::string &key, const Value &value) {
        std::lock_guard<std::mutex> guard(lock_);
        if (entries_.size() >= kCapacity) entries_.clear();
        entries_.emplace(key, value);
    }

private:
    static constexpr size_t kCapacity = 50000;
    std::mutex lock_;
    std::unordered_map<std::string, Value> entries_;
};

// A number's description without its extension: Format(E164), GetRegionCodeForNumber and
// GetNumberType read only the country code and the national significant number (the
// national number and its Italian leading zeros).
Memo<cpn_number> &descriptions() {
    static Memo<cpn_number> *memo = new Memo<cpn_number>();
    return *memo;
}

struct ParseResult {
    cpn_status status;
    cpn_number number;
};

Memo<ParseResult> &parses() {
    static Memo<ParseResult> *memo = new Memo<ParseResult>();
    return *memo;
}

void describeUncached(const PhoneNumber &number, cpn_number *out);

void describe(const PhoneNumber &number, cpn_number *out) {
    std::string key = std::to_string(number.country_code()) + "|" + std::to_string(number.national_number()) + "|"
        + (number.italian_leading_zero() ? "1" : "0") + "|" + std::to_string(number.number_of_leading_zeros());
    if (!descriptions().find(key, out)) {
        cpn_number plain;
        describeUncached(number, &plain);
        std::memset(plain.extension, 0, sizeof(plain.extension));
        descriptions().store(key, plain);
        *out = plain;
    }
    if (number.has_extension()) {
        copyString(out->extension, sizeof(out->extension), number.extension());
    }
}

void describeUncached(const PhoneNumber &number, cpn_number *out) {
    std::memset(out, 0, sizeof(*out));
    std::string e164;
    util().Format(number, PhoneNumberUtil::E164, &e164);
    copyString(out->e164, sizeof(out->e164), e164);
    if (number.has_extension()) {
        copyString(out->extension, sizeof(out->extension), number.extension());
    }
    std::string region;
    util().GetRegionCodeForNumber(number, &region);
    copyString(out->region, sizeof(out->region), region);
    out->country_code = number.country_code();
    PhoneNumberUtil::PhoneNumberType type = util().GetNumberType(number);
    out->type = static_cast<cpn_number_type>(type);
    // IsValidNumber is IsValidNumberForRegion(number, GetRegionCodeForNumber(number)), and
    // that is "the number's type in that region's metadata is not UNKNOWN", which is what
    // GetNumberType just worked out in the same region's metadata (none for "ZZ": UNKNOWN
    // and invalid alike). Asking again would match the type patterns a second time.
    out->is_valid = type != PhoneNumberUtil::UNKNOWN ? 1 : 0;
}

}  // namespace

extern "C" size_t cpn_find_numbers(const char *text, size_t length, const char *region,
                                   cpn_match *matches, size_t capacity) {
    if (text == nullptr || region == nullptr) return 0;
    // max_tries bounds the work on hostile text full of digit runs that are not numbers.
    PhoneNumberMatcher matcher(util(), std::string(text, length), region,
                               PhoneNumberMatcher::VALID, 65535);
    size_t found = 0;
    PhoneNumberMatch match;
    while (matcher.HasNext()) {
        if (!matcher.Next(&match)) break;
        if (found < capacity) {
            cpn_match *out = &matches[found];
            describe(match.number(), &out->number);
            out->start = static_cast<size_t>(match.start());
            out->end = static_cast<size_t>(match.end());
        }
        found += 1;
    }
    return found;
}

extern "C" cpn_status cpn_parse(const char *text, size_t length, const char *region,
                                cpn_number *out) {
    if (text == nullptr || region == nullptr || out == nullptr) return CPN_NOT_A_NUMBER;
    std::string key = std::string(region) + '\0' + std::string(text, length);
    ParseResult result;
    if (parses().find(key, &result)) {
        *out = result.number;
        return result.status;
    }
    PhoneNumber number;
    PhoneNumberUtil::ErrorType error = util().Parse(std::string(text, length), region, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        std::memset(out, 0, sizeof(*out));
        result.status = static_cast<cpn_status>(error);
    } else {
        describe(number, out);
        result.status = out->is_valid ? CPN_OK : CPN_NOT_VALID;
    }
    result.number = *out;
    parses().store(key, result);
    return result.status;
}

extern "C" int cpn_is_valid_short_number(const char *digits, const char *region) {
    if (digits == nullptr || region == nullptr) return 0;
    PhoneNumber number;
    if (util().Parse(digits, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return 0;
    return shortInfo().IsValidShortNumberForRegion(number, region) ? 1 : 0;
}

extern "C" int cpn_is_emergency_number(const char *digits, const char *region) {
    if (digits == nullptr || region == nullptr) return 0;
    return shortInfo().IsEmergencyNumber(digits, region) ? 1 : 0;
}

extern "C" int cpn_is_supported_region(const char *region) {
    if (region == nullptr) return 0;
    // GetCountryCodeForRegion answers 0 for a region it has no metadata for.
    return util().GetCountryCodeForRegion(region) != 0 ? 1 : 0;
}

extern "C" const char *cpn_library_path(void) {
    static const std::string path = [] {
        Dl_info info;
        // A function of the library itself, not of this shim: dladdr names its file.
        void *symbol = reinterpret_cast<void *>(&PhoneNumberUtil::GetInstance);
        if (dladdr(symbol, &info) == 0 || info.dli_fname == nullptr) return std::string();
        return std::string(info.dli_fname);
    }();
    return path.c_str();
}

extern "C" const char *cpn_metadata_summary(void) {
    static const std::string summary = [] {
        const PhoneNumberUtil &phone = util();
        std::set<std::string> regions;
        phone.GetSupportedRegions(&regions);
        const PhoneNumberUtil::PhoneNumberType types[] = {
            PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
            PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::VOIP, PhoneNumberUtil::UAN,
        };
        std::string text;
        for (const std::string &region : regions) {
            text += region + " " + std::to_string(phone.GetCountryCodeForRegion(region));
            for (PhoneNumberUtil::PhoneNumberType type : types) {
                PhoneNumber example;
                std::string formatted;
                if (phone.GetExampleNumberForType(region, type, &example)) {
                    phone.Format(example, PhoneNumberUtil::E164, &formatted);
                }
                text += " " + formatted;
            }
            text += "\n";
        }
        return text;
    }();
    return summary.c_str();
}
