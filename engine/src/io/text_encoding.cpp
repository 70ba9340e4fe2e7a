// SPDX-License-Identifier: GPL-3.0-or-later
// iconv (glibc) converts UTF-16; recognising it is ours: a BOM, or the NUL
// pattern that ASCII text has in UTF-16 (every second byte zero), so a
// MetaTrader export saved without a BOM still reads.

#include "io/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <memory>
#include <type_traits>

#include "io/utf8.hpp"

namespace atc::detail {

namespace {

struct IconvCloser {
    void operator()(iconv_t cd) const { iconv_close(cd); }
};

// How many of the first bytes are looked at for the NUL pattern.
constexpr std::size_t kSniffBytes = 256;

enum class Utf16 { No, LittleEndian, BigEndian };

// ASCII text in UTF-16 has a NUL in every high byte: at odd offsets in LE, at
// even ones in BE. Requiring the other half to be NUL-free keeps binary files
// (which have NULs everywhere) out.
Utf16 sniff_utf16(std::string_view bytes) {
    const std::size_t n = std::min(bytes.size(), kSniffBytes) & ~std::size_t{1};
    if (n < 4)
        return Utf16::No;
    std::size_t even_nul = 0;
    std::size_t odd_nul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nul += bytes[i] == '\0';
        odd_nul += bytes[i + 1] == '\0';
    }
    const std::size_t pairs = n / 2;
    if (odd_nul == pairs && even_nul == 0)
        return Utf16::LittleEndian;
    if (even_nul == pairs && odd_nul == 0)
        return Utf16::BigEndian;
    return Utf16::No;
}

CsvResult<std::string> utf16_to_utf8(std::string_view bytes, const char* encoding) {
    if (bytes.size() % 2 != 0)
        return CsvProblem{"the file is cut short: UTF-16 text has an even number of bytes"};
    const std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser> cd(
        iconv_open("UTF-8", encoding));
    if (cd.get() == reinterpret_cast<iconv_t>(-1))
        return CsvProblem{std::string("this system cannot convert ") + encoding + " text"};
    // UTF-8 needs at most 3 bytes per UTF-16 unit (4 per surrogate pair).
    std::string out(bytes.size() / 2 * 3 + 4, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    char* dest = out.data();
    std::size_t out_left = out.size();
    if (iconv(cd.get(), &in, &in_left, &dest, &out_left) == static_cast<std::size_t>(-1)) {
        const std::size_t at = bytes.size() - in_left;
        return CsvProblem{std::string("not valid ") + encoding + " text (at byte " +
                          std::to_string(at) + ")"};
    }
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace

CsvResult<DecodedText> decode_text(std::string_view bytes) {
    DecodedText decoded;
    const char* utf16 = nullptr;
    if (bytes.starts_with("\xFF\xFE")) {
        utf16 = "UTF-16LE";
        decoded.encoding = "UTF-16LE with BOM";
        bytes.remove_prefix(2);
    } else if (bytes.starts_with("\xFE\xFF")) {
        utf16 = "UTF-16BE";
        decoded.encoding = "UTF-16BE with BOM";
        bytes.remove_prefix(2);
    } else if (const Utf16 sniffed = sniff_utf16(bytes); sniffed != Utf16::No) {
        utf16 = sniffed == Utf16::LittleEndian ? "UTF-16LE" : "UTF-16BE";
        decoded.encoding = utf16;
    }
    if (utf16) {
        auto converted = utf16_to_utf8(bytes, utf16);
        if (!converted)
            return std::move(converted.problem());
        decoded.converted = std::move(*converted);
        decoded.was_converted = true;
    } else if (bytes.starts_with(kUtf8Bom)) {
        decoded.encoding = "UTF-8 with BOM";
        decoded.as_is = bytes.substr(kUtf8Bom.size());
    } else {
        decoded.encoding = "UTF-8";
        decoded.as_is = bytes;
    }
    return decoded;
}

}  // namespace atc::detail
