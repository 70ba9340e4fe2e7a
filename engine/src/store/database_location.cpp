// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/database_location.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace atc::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kUriScheme = "file:";

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

// The characters that would end the path part of a URI, or change it.
std::string percent_encoded(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            out.push_back('%');
            out.push_back(kHex[(static_cast<unsigned char>(c) >> 4) & 0xf]);
            out.push_back(kHex[static_cast<unsigned char>(c) & 0xf]);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// "" when `p` can be written; else the system's reason ("Permission denied").
std::string write_refusal(const fs::path& p) {
    if (::access(p.c_str(), W_OK) == 0)
        return {};
    return std::strerror(errno);
}

}  // namespace

bool is_sqlite_uri(const fs::path& location) {
    return location.native().starts_with(kUriScheme);
}

fs::path file_of(const fs::path& location) {
    if (!is_sqlite_uri(location))
        return location;
    std::string_view rest = location.native();
    rest.remove_prefix(kUriScheme.size());
    const std::size_t query = rest.find_first_of("?#");
    const std::string_view params = query == std::string_view::npos ? "" : rest.substr(query);
    rest = rest.substr(0, query);
    if (params.find("vfs=memdb") != std::string_view::npos || rest == ":memory:")
        return {};
    if (rest.starts_with("//")) {  // an authority: "file://localhost/x" or "file:///x"
        rest.remove_prefix(2);
        rest = rest.substr(std::min(rest.find('/'), rest.size()));
    }
    return fs::path(percent_decoded(rest));
}

fs::path file_uri(const fs::path& file, std::string_view query) {
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec);
    if (ec)
        absolute = file;
    std::string uri(kUriScheme);
    uri += percent_encoded(absolute.lexically_normal().native());
    if (!query.empty()) {
        uri += '?';
        uri += query;
    }
    return uri;
}

std::string why_not_writable(const fs::path& location, const StoreError& error) {
    const fs::path file = file_of(location);
    fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code ec;
    if ((error.sqlite_code() & 0xff) == SQLITE_FULL)
        return "the disk holding " + folder.string() + " is full";
    if (!file.empty()) {
        // The nearest folder that exists is the one that refused.
        while (!fs::exists(folder, ec) && folder.has_parent_path() &&
               folder.parent_path() != folder)
            folder = folder.parent_path();
        if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
            return folder.string() + " is not a folder";
        if (const std::string why = write_refusal(folder); !why.empty())
            return folder.string() + " is read-only (" + why + ")";
        if (fs::exists(file, ec)) {
            if (const std::string why = write_refusal(file); !why.empty())
                return file.string() + " is read-only (" + why + ")";
        }
    }
    // The user asked for it (--db 'file:...?mode=ro'): say so rather than
    // SQLite's "attempt to write a readonly database".
    const std::string& text = location.native();
    if (const auto query = text.find('?');
        query != std::string::npos && text.find("mode=ro", query) != std::string::npos)
        return file.string() + " was opened read-only (mode=ro)";
    // SQLite's words without the file name and statement StoreError adds.
    const std::string reason =
        error.sqlite_code() != 0 ? sqlite3_errstr(error.sqlite_code()) : error.what();
    return (file.empty() ? location : file).string() + " cannot be written (" + reason + ")";
}

}  // namespace atc::store
