// SPDX-License-Identifier: GPL-3.0-or-later
// A JSON object reader that keeps each member's position, so that the code
// giving the members a meaning can point at the exact line and column of a bad
// value. Only the top level is kept; nested arrays and objects are checked for
// syntax and reported by kind.

#include "io/json_object.hpp"

#include <cctype>
#include <charconv>
#include <string>
#include <utility>

namespace atc::detail {

namespace {

// Nesting allowed inside a rejected array/object value; deeper input is refused
// rather than risking the stack on hostile files.
constexpr int kMaxDepth = 64;

}  // namespace

Position position_of(std::string_view text, std::size_t offset) {
    Position p;
    const std::size_t start = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    for (std::size_t i = start; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;  // count UTF-8 lead bytes only
        }
    }
    return p;
}

std::string located(const std::string& source, Position p, const std::string& what) {
    return source + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + what;
}

std::string_view kind_name(JsonValue::Kind kind) {
    switch (kind) {
        case JsonValue::Kind::Number:
            return "a number";
        case JsonValue::Kind::String:
            return "a string";
        case JsonValue::Kind::Bool:
            return "true/false";
        case JsonValue::Kind::Null:
            return "null";
        case JsonValue::Kind::Array:
            return "an array";
        case JsonValue::Kind::Object:
            return "an object";
    }
    return "?";
}

namespace {

class Parser {
public:
    Parser(std::string_view text, const std::string& source, std::string_view object_name)
        : text_(text), source_(source), object_name_(object_name) {
        // Editors on Windows like to start files with a BOM; it is not content.
        if (text_.starts_with(kUtf8Bom))
            pos_ = kUtf8Bom.size();
    }

    std::vector<Member> parse_document() {
        skip_whitespace();
        if (at_end())
            fail("expected '{' (the file is empty)");
        if (peek() != '{')
            fail("expected '{' at the start of " + std::string(object_name_));
        std::vector<Member> members = parse_members();
        skip_whitespace();
        if (!at_end())
            fail("unexpected content after the closing '}'");
        return members;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw JsonSyntaxError(located(source_, position_of(text_, pos_), what));
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++pos_;
        }
    }

    void expect(char c, const char* what) {
        skip_whitespace();
        if (at_end() || peek() != c)
            fail(what);
        ++pos_;
    }

    // The object at pos_ (which is at '{'); its members in file order.
    std::vector<Member> parse_members() {
        ++pos_;
        std::vector<Member> members;
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++pos_;
            return members;
        }
        while (true) {
            skip_whitespace();
            if (at_end() || peek() != '"')
                fail("expected a key in double quotes");
            Member member;
            member.offset = pos_;
            member.key = parse_string();
            expect(':', "expected ':' after the key");
            member.value = parse_value(1);
            members.push_back(std::move(member));
            skip_whitespace();
            if (at_end())
                fail("expected ',' or '}' (the object is not closed)");
            if (peek() == '}') {
                ++pos_;
                return members;
            }
            if (peek() != ',')
                fail("expected ',' or '}'");
            ++pos_;
        }
    }

    JsonValue parse_value(int depth) {
        if (depth > kMaxDepth)
            fail("nested too deeply");
        skip_whitespace();
        if (at_end())
            fail("expected a value");
        JsonValue value;
        const char c = peek();
        if (c == '"') {
            value.kind = JsonValue::Kind::String;
            value.text = parse_string();
        } else if (c == '{') {
            value.kind = JsonValue::Kind::Object;
            skip_container('{', '}', depth);
        } else if (c == '[') {
            value.kind = JsonValue::Kind::Array;
            skip_container('[', ']', depth);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value.kind = JsonValue::Kind::Number;
            parse_number(value);
        } else if (consume_word("true")) {
            value.kind = JsonValue::Kind::Bool;
            value.boolean = true;
        } else if (consume_word("false")) {
            value.kind = JsonValue::Kind::Bool;
        } else if (consume_word("null")) {
            value.kind = JsonValue::Kind::Null;
        } else {
            fail("expected a value (a number, a string in double quotes, true or false)");
        }
        return value;
    }

    bool consume_word(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word)
            return false;
        const std::size_t after = pos_ + word.size();
        if (after < text_.size() && std::isalnum(static_cast<unsigned char>(text_[after]))) {
            return false;  // "trueish" is not true
        }
        pos_ = after;
        return true;
    }

    // Arrays and objects are never valid parameter values, but they are parsed
    // properly so the error names the key instead of a confusing syntax error.
    void skip_container(char open, char close, int depth) {
        ++pos_;
        skip_whitespace();
        if (!at_end() && peek() == close) {
            ++pos_;
            return;
        }
        while (true) {
            if (open == '{') {
                skip_whitespace();
                if (at_end() || peek() != '"')
                    fail("expected a key in double quotes");
                parse_string();
                expect(':', "expected ':' after the key");
            }
            parse_value(depth + 1);
            skip_whitespace();
            if (!at_end() && peek() == close) {
                ++pos_;
                return;
            }
            if (at_end() || peek() != ',') {
                fail(std::string("expected ',' or '") + close + "'");
            }
            ++pos_;
        }
    }

    std::size_t skip_digits() {
        const std::size_t start = pos_;
        while (!at_end() && peek() >= '0' && peek() <= '9')
            ++pos_;
        return pos_ - start;
    }

    // JSON's number grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    void parse_number(JsonValue& value) {
        const std::size_t start = pos_;
        if (peek() == '-')
            ++pos_;
        if (at_end() || !(peek() >= '0' && peek() <= '9'))
            fail("expected a digit");
        if (peek() == '0') {
            ++pos_;
            if (!at_end() && peek() >= '0' && peek() <= '9') {
                pos_ = start;
                fail("numbers may not start with 0");
            }
        } else {
            skip_digits();
        }
        if (!at_end() && peek() == '.') {
            ++pos_;
            if (skip_digits() == 0)
                fail("expected a digit after the decimal point");
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-'))
                ++pos_;
            if (skip_digits() == 0)
                fail("expected a digit in the exponent");
        }
        // "0x10", "28abc", "1.5.2": the grammar stopped inside a word, which
        // would otherwise be reported as a puzzling "expected ','" after it.
        if (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.')) {
            std::size_t end = pos_;
            while (end < text_.size() &&
                   (std::isalnum(static_cast<unsigned char>(text_[end])) || text_[end] == '.' ||
                    text_[end] == '+' || text_[end] == '-'))
                ++end;
            const std::string word(text_.substr(start, end - start));
            pos_ = start;
            fail("\"" + word +
                 "\" is not a number: JSON numbers are decimal, like 28, 0.5 or 1e-3");
        }
        value.number_text = text_.substr(start, pos_ - start);
        const char* last = text_.data() + pos_;
        const auto [end, ec] = std::from_chars(text_.data() + start, last, value.number);
        if (ec == std::errc::result_out_of_range) {
            pos_ = start;
            fail("the number " + std::string(value.number_text) + " is out of range");
        }
        if (ec != std::errc() || end != last) {
            pos_ = start;
            fail("invalid number");
        }
    }

    unsigned parse_hex4() {
        if (pos_ + 4 > text_.size())
            fail("expected four hex digits after \\u");
        unsigned code = 0;
        const auto [end, ec] =
            std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, code, 16);
        if (ec != std::errc() || end != text_.data() + pos_ + 4) {
            fail("expected four hex digits after \\u");
        }
        pos_ += 4;
        return code;
    }

    static void append_utf8(std::string& out, unsigned code) {
        const auto byte = [&out](unsigned b) { out.push_back(static_cast<char>(b)); };
        if (code < 0x80) {
            byte(code);
        } else if (code < 0x800) {
            byte(0xC0 | (code >> 6));
            byte(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            byte(0xE0 | (code >> 12));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        } else {
            byte(0xF0 | (code >> 18));
            byte(0x80 | ((code >> 12) & 0x3F));
            byte(0x80 | ((code >> 6) & 0x3F));
            byte(0x80 | (code & 0x3F));
        }
    }

    // A \u escape, combining a UTF-16 surrogate pair into one code point.
    unsigned parse_unicode_escape() {
        const unsigned high = parse_hex4();
        if (high >= 0xDC00 && high <= 0xDFFF)
            fail("unpaired surrogate in \\u escape");
        if (high < 0xD800 || high > 0xDBFF)
            return high;
        if (text_.substr(pos_, 2) != "\\u")
            fail("unpaired surrogate in \\u escape");
        pos_ += 2;
        const unsigned low = parse_hex4();
        if (low < 0xDC00 || low > 0xDFFF)
            fail("unpaired surrogate in \\u escape");
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    }

    char parse_simple_escape(char c) {
        switch (c) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                fail(std::string("invalid escape \\") + c + " in a string");
        }
    }

    // The string at pos_ (which is at '"'), unescaped.
    std::string parse_string() {
        const std::size_t opening = pos_;
        ++pos_;
        std::string out;
        while (true) {
            if (at_end()) {
                // Pointed at where it opens: the end of the text says nothing.
                pos_ = opening;
                fail("a string is not closed (it starts here)");
            }
            const char c = peek();
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                fail("control character inside a string");
            ++pos_;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (at_end())
                fail("a string is not closed");
            const char e = peek();
            ++pos_;
            if (e == 'u') {
                append_utf8(out, parse_unicode_escape());
            } else {
                out.push_back(parse_simple_escape(e));
            }
        }
    }

    std::string_view text_;
    const std::string& source_;
    std::string_view object_name_;
    std::size_t pos_ = 0;
};

}  // namespace

std::vector<Member> parse_json_object(std::string_view text, const std::string& source,
                                      std::string_view object_name) {
    return Parser(text, source, object_name).parse_document();
}

}  // namespace atc::detail
