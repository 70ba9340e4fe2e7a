// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeds/curl_library.hpp"

#include <dlfcn.h>

#include <string>

#include "atc/feeds/http.hpp"

namespace atc::feeds {
namespace {

// The soname of libcurl 7.x and 8.x (Debian's libcurl4 package).
constexpr const char* kCurlSoname = "libcurl.so.4";

[[noreturn]] void missing(const std::string& what) {
    throw HttpError(HttpError::Kind::Network, "downloads need libcurl, which cannot be loaded (" +
                                                  what + "): install the libcurl4 package");
}

template <typename Function>
void resolve(void* library, const char* name, Function& out) {
    void* symbol = dlsym(library, name);
    if (symbol == nullptr)
        missing(std::string(kCurlSoname) + " has no " + name);
    out = reinterpret_cast<Function>(symbol);
}

CurlLibrary load() {
    // Never closed: libcurl keeps global state until the process ends.
    void* library = dlopen(kCurlSoname, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = dlerror();
        missing(why != nullptr ? why : kCurlSoname);
    }
    CurlLibrary curl{};
    CURLcode (*global_init)(long) = nullptr;
    resolve(library, "curl_global_init", global_init);
    resolve(library, "curl_easy_init", curl.easy_init);
    resolve(library, "curl_easy_setopt", curl.easy_setopt);
    resolve(library, "curl_easy_perform", curl.easy_perform);
    resolve(library, "curl_easy_getinfo", curl.easy_getinfo);
    resolve(library, "curl_easy_cleanup", curl.easy_cleanup);
    resolve(library, "curl_easy_strerror", curl.easy_strerror);
    resolve(library, "curl_getdate", curl.getdate);
    // Not thread-safe in itself: it runs inside the function-local static's
    // one-time initialisation below.
    if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        missing("curl_global_init failed");
    return curl;
}

}  // namespace

const CurlLibrary& curl_library() {
    static const CurlLibrary library = load();
    return library;
}

}  // namespace atc::feeds
