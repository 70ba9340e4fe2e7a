// SPDX-License-Identifier: GPL-3.0-or-later
// The text labels of a series' bars ("2024-01-05", "2024-01-05T09:30:00Z",
// "1991.5", ...), all in one character buffer with one end offset per label.
// A std::vector<std::string> held one heap block per label longer than the
// small-string buffer (every date-time), so reading a file cost one allocation
// per row and freeing a series one free per row; this costs two blocks per
// series. Read like a vector of std::string_view; the views stay valid until
// the column is changed.
#pragma once

#include <compare>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atc {

class LabelColumn {
public:
    // Random access over the labels, yielding string_views (no label exists as
    // a std::string to refer to).
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = std::string_view;

        const_iterator() = default;
        const_iterator(const LabelColumn* column, std::size_t index)
            : column_(column), index_(index) {}

        std::string_view operator*() const { return (*column_)[index_]; }
        std::string_view operator[](difference_type n) const { return *(*this + n); }
        const_iterator& operator++() { return *this += 1; }
        const_iterator operator++(int) {
            const_iterator old = *this;
            ++*this;
            return old;
        }
        const_iterator& operator--() { return *this -= 1; }
        const_iterator operator--(int) {
            const_iterator old = *this;
            --*this;
            return old;
        }
        const_iterator& operator+=(difference_type n) {
            index_ = static_cast<std::size_t>(static_cast<difference_type>(index_) + n);
            return *this;
        }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) {
            return a.index_ == b.index_;
        }
        friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
            return a.index_ <=> b.index_;
        }

    private:
        const LabelColumn* column_ = nullptr;
        std::size_t index_ = 0;
    };
    using iterator = const_iterator;
    using value_type = std::string_view;
    using size_type = std::size_t;

    LabelColumn() = default;
    LabelColumn(std::initializer_list<std::string_view> labels) {
        for (const std::string_view label : labels)
            push_back(label);
    }

    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }

    std::string_view operator[](std::size_t i) const {
        const std::size_t start = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(chars_).substr(start, ends_[i] - start);
    }
    std::string_view at(std::size_t i) const {
        if (i >= size())
            throw std::out_of_range("LabelColumn::at: no label " + std::to_string(i));
        return (*this)[i];
    }
    std::string_view front() const { return (*this)[0]; }
    std::string_view back() const { return (*this)[size() - 1]; }

    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

    void push_back(std::string_view label) {
        chars_.append(label);
        ends_.push_back(chars_.size());
    }
    // Room for `count` labels of `chars` characters in all, so that a reader
    // that knows the sizes appends without reallocating.
    void reserve(std::size_t count, std::size_t chars = 0) {
        ends_.reserve(count);
        chars_.reserve(chars);
    }
    void clear() {
        chars_.clear();
        ends_.clear();
    }
    // The first `count` labels; a longer column gets empty labels at its end.
    void resize(std::size_t count) {
        if (count < size()) {
            chars_.resize(count == 0 ? 0 : ends_[count - 1]);
            ends_.resize(count);
        } else {
            ends_.resize(count, chars_.size());
        }
    }

    // The labels' characters, one after the other, without separators.
    std::string_view chars() const { return chars_; }
    // The heap memory held (capacity, not size), for memory accounting.
    std::size_t heap_bytes() const {
        return chars_.capacity() + ends_.capacity() * sizeof(std::size_t);
    }

    // Same labels in the same order (equal ends and characters say exactly that).
    friend bool operator==(const LabelColumn& a, const LabelColumn& b) = default;

private:
    std::string chars_;
    std::vector<std::size_t> ends_;  // one past each label's last character in chars_
};

}  // namespace atc
