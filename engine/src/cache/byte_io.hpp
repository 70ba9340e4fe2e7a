// SPDX-License-Identifier: GPL-3.0-or-later
// Little-endian writer and bounds-checked reader for the cache codec.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "atc/cache/codec.hpp"

namespace atc::cache::detail {

class ByteWriter {
public:
    explicit ByteWriter(std::size_t reserve) { out_.reserve(reserve); }

    void u8(std::uint8_t v) { out_.push_back(static_cast<std::byte>(v)); }
    void i8(std::int8_t v) { u8(static_cast<std::uint8_t>(v)); }
    void u16(std::uint16_t v) { le(v, 2); }
    void i32(std::int32_t v) { le(static_cast<std::uint32_t>(v), 4); }
    void u64(std::uint64_t v) { le(v, 8); }
    void f64(double v) { le(std::bit_cast<std::uint64_t>(v), 8); }
    void raw(std::span<const std::byte> bytes) {
        out_.insert(out_.end(), bytes.begin(), bytes.end());
    }

    void f64s(std::span<const double> values) {
        if constexpr (std::endian::native == std::endian::little) {
            raw(std::as_bytes(values));
        } else {
            for (const double v : values)
                f64(v);
        }
    }
    void i8s(std::span<const std::int8_t> values) { raw(std::as_bytes(values)); }

    std::vector<std::byte>& bytes() { return out_; }

private:
    void le(std::uint64_t v, int width) {
        for (int i = 0; i < width; ++i, v >>= 8)
            out_.push_back(static_cast<std::byte>(v & 0xff));
    }
    std::vector<std::byte> out_;
};

// Every read checks the remaining length first and throws CodecError naming
// what was being read, so a short blob can never be read past its end.
class ByteReader {
public:
    explicit ByteReader(std::span<const std::byte> in) : in_(in) {}

    std::size_t remaining() const { return in_.size() - pos_; }
    std::size_t position() const { return pos_; }

    std::uint8_t u8(const char* what) {
        need(1, what);
        return std::to_integer<std::uint8_t>(in_[pos_++]);
    }
    std::int8_t i8(const char* what) { return static_cast<std::int8_t>(u8(what)); }
    std::uint16_t u16(const char* what) { return static_cast<std::uint16_t>(le(2, what)); }
    std::int32_t i32(const char* what) {
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(le(4, what)));
    }
    std::uint64_t u64(const char* what) { return le(8, what); }
    double f64(const char* what) { return std::bit_cast<double>(le(8, what)); }

    // `count` doubles into `out`; the length is checked before allocating.
    void f64s(std::vector<double>& out, std::uint64_t count, const char* what) {
        if (count > remaining() / sizeof(double))
            truncated(what);
        out.resize(static_cast<std::size_t>(count));
        if (out.empty())
            return;  // memcpy must not see the null data() of an empty vector
        if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(out.data(), in_.data() + pos_, out.size() * sizeof(double));
            pos_ += out.size() * sizeof(double);
        } else {
            for (double& v : out)
                v = f64(what);
        }
    }

    // `count` int8 values, each of which must be -1, 0 or +1.
    void directions(std::vector<std::int8_t>& out, std::uint64_t count, const char* what) {
        if (count > remaining())
            truncated(what);
        out.resize(static_cast<std::size_t>(count));
        if (out.empty())
            return;
        std::memcpy(out.data(), in_.data() + pos_, out.size());
        pos_ += out.size();
        for (const std::int8_t v : out) {
            if (v < -1 || v > 1)
                throw CodecError(std::string("cached result: invalid value in ") + what);
        }
    }

private:
    void need(std::size_t n, const char* what) const {
        if (n > remaining())
            truncated(what);
    }
    [[noreturn]] static void truncated(const char* what) {
        throw CodecError(std::string("cached result: truncated in ") + what);
    }
    std::uint64_t le(int width, const char* what) {
        need(static_cast<std::size_t>(width), what);
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i)
            v = (v << 8) | std::to_integer<std::uint64_t>(in_[pos_ + static_cast<std::size_t>(i)]);
        pos_ += static_cast<std::size_t>(width);
        return v;
    }

    std::span<const std::byte> in_;
    std::size_t pos_ = 0;
};

}  // namespace atc::cache::detail
