// SPDX-License-Identifier: GPL-3.0-or-later
// libcurl, loaded when the first download starts rather than when a program
// starts: linked, its TLS stack (OpenSSL, GnuTLS, Kerberos, LDAP, ...) was
// mapped and relocated in every `atc` command and in the app, more than half
// of `atc --version`'s 10.8 MiB, though only downloads use it.
#pragma once

#include <curl/curl.h>

#include <ctime>

namespace atc::feeds {

// The libcurl functions the feeds call, resolved from libcurl.so.4.
struct CurlLibrary {
    CURL* (*easy_init)();
    CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
    CURLcode (*easy_perform)(CURL*);
    CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
    void (*easy_cleanup)(CURL*);
    const char* (*easy_strerror)(CURLcode);
    std::time_t (*getdate)(const char*, const std::time_t*);
};

// Loads libcurl and runs curl_global_init, once, on first use (thread-safe;
// it stays loaded). Throws HttpError (Network) saying what is missing when
// the library or a function cannot be found.
const CurlLibrary& curl_library();

}  // namespace atc::feeds
