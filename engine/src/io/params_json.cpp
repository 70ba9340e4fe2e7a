// Parameters as JSON. The whole document is parsed first (so a syntax error
// anywhere wins over a complaint about a value), then each member is applied to
// AtcParams in file order, then check_params judges the result.

#include "atc/params_json.hpp"

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "atc/validation.hpp"

namespace atc {

ParamsError::ParamsError(std::string source, std::string key, const std::string& message)
    : std::runtime_error(message), source_(std::move(source)), key_(std::move(key)) {}

namespace {

constexpr std::array<std::string_view, kFamilyCount> kLengthKeys = {
    "ema_len", "hull_len", "wma_len", "dema_len", "lsma_len", "kama_len"};
constexpr std::array<std::string_view, kFamilyCount> kWeightKeys = {"ema_w",  "hma_w",  "wma_w",
                                                                    "dema_w", "lsma_w", "kama_w"};

// Every key in the golden files' order; params_to_json writes them in this order.
constexpr std::array<std::string_view, 20> kAllKeys = {
    "ema_len",       "hull_len", "wma_len", "dema_len", "lsma_len",       "kama_len",
    "ema_w",         "hma_w",    "wma_w",   "dema_w",   "lsma_w",         "kama_w",
    "robustness",    "La",       "De",      "cutout",   "long_threshold", "short_threshold",
    "strategy_mode", "profile"};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Nesting allowed inside a rejected array/object value; deeper input is refused
// rather than risking the stack on hostile files.
constexpr int kMaxDepth = 64;

// ---------------------------------------------------------------------------
// Syntax: a JSON object whose members are kept with their positions.

struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Line and column (in characters, not bytes) of a byte offset. Computed only
// for messages, so parsing stays linear.
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

struct JsonValue {
    enum class Kind { Number, String, Bool, Null, Array, Object };
    Kind kind = Kind::Null;
    double number = 0.0;
    std::string_view number_text;  // as written, for messages
    std::string text;              // decoded string
    bool boolean = false;
};

struct Member {
    std::string key;
    std::size_t offset = 0;  // of the key, in bytes
    JsonValue value;
};

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

class Parser {
public:
    Parser(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
        // Editors on Windows like to start files with a BOM; it is not content.
        if (text_.starts_with(kUtf8Bom))
            pos_ = kUtf8Bom.size();
    }

    std::vector<Member> parse_document() {
        skip_whitespace();
        if (at_end())
            fail("expected '{' (the file is empty)");
        if (peek() != '{')
            fail("expected '{' at the start of the parameters object");
        std::vector<Member> members = parse_members();
        skip_whitespace();
        if (!at_end())
            fail("unexpected content after the closing '}'");
        return members;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ParamsError(source_, {}, located(source_, position_of(text_, pos_), what));
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
        ++pos_;
        std::string out;
        while (true) {
            if (at_end())
                fail("a string is not closed");
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
    std::string source_;
    std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// Meaning: each member applied to AtcParams.

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

bool looks_numeric(const std::string& s) {
    double ignored = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), ignored);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// The parsed text and its name, for locating members in messages.
struct Document {
    std::string_view text;
    std::string source;
};

class MemberReader {
public:
    MemberReader(const Document& doc, const Member& member) : doc_(doc), member_(member) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw ParamsError(doc_.source, member_.key,
                          located(doc_.source, position_of(doc_.text, member_.offset), what));
    }

    void require(JsonValue::Kind kind, std::string_view wanted) const {
        const JsonValue& v = member_.value;
        if (v.kind == kind)
            return;
        std::string message = member_.key + " must be " + std::string(wanted) + ", not " +
                              std::string(kind_name(v.kind));
        // "28" in quotes is the most common slip; say how to fix it.
        if (kind == JsonValue::Kind::Number && v.kind == JsonValue::Kind::String &&
            looks_numeric(v.text)) {
            message += " (write the number without quotes)";
        }
        fail(message);
    }

    double number() const {
        require(JsonValue::Kind::Number, "a number");
        return member_.value.number;
    }

    // Whole numbers only: 28 and 28.0 (or 2.8e1) are fine, 28.5 is not.
    int integer(std::string_view unit) const {
        require(JsonValue::Kind::Number, "a whole number");
        const double v = member_.value.number;
        const std::string written(member_.value.number_text);
        if (v != std::floor(v)) {
            fail(member_.key + " = " + written + " is not a whole number of " + std::string(unit));
        }
        if (v < static_cast<double>(INT_MIN) || v > static_cast<double>(INT_MAX)) {
            fail(member_.key + " = " + written +
                 " is out of range: it must be a whole number from " + std::to_string(INT_MIN) +
                 " to " + std::to_string(INT_MAX));
        }
        return static_cast<int>(v);
    }

    bool boolean() const {
        require(JsonValue::Kind::Bool, "true or false");
        return member_.value.boolean;
    }

    // One of `names` (any case); its index.
    template <std::size_t N>
    std::size_t choice(const std::array<std::string_view, N>& names) const {
        std::string allowed;
        for (const auto name : names) {
            allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
        }
        require(JsonValue::Kind::String, "one of " + allowed);
        for (std::size_t i = 0; i < N; ++i) {
            if (equals_ignoring_case(member_.value.text, names[i]))
                return i;
        }
        fail(member_.key + " = \"" + member_.value.text + "\" is not allowed: use one of " +
             allowed);
    }

private:
    const Document& doc_;
    const Member& member_;
};

std::optional<std::size_t> index_of(const std::array<std::string_view, kFamilyCount>& keys,
                                    std::string_view key) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return i;
    }
    return std::nullopt;
}

std::string unknown_key_message(const std::string& key) {
    std::string allowed;
    std::string hint;
    for (const auto known : kAllKeys) {
        if (!allowed.empty())
            allowed += ", ";
        allowed += known;
        if (equals_ignoring_case(known, key)) {
            hint = " (keys are case-sensitive: did you mean \"" + std::string(known) + "\"?)";
        }
    }
    return "unknown key \"" + key + "\"" + hint + "; allowed keys are " + allowed;
}

void apply_member(const Member& member, const Document& doc, AtcParams& params) {
    const MemberReader read(doc, member);
    const std::string& key = member.key;
    if (const auto i = index_of(kLengthKeys, key)) {
        params.lengths[*i] = read.integer("bars");
    } else if (const auto w = index_of(kWeightKeys, key)) {
        params.weights[*w] = read.number();
    } else if (key == "robustness") {
        static constexpr std::array<std::string_view, 3> kNames = {"Narrow", "Medium", "Wide"};
        params.robustness = static_cast<Robustness>(read.choice(kNames));
    } else if (key == "La") {
        params.lambda = read.number();
    } else if (key == "De") {
        params.decay = read.number();
    } else if (key == "cutout") {
        params.cutout = read.integer("bars");
    } else if (key == "long_threshold") {
        params.long_threshold = read.number();
    } else if (key == "short_threshold") {
        params.short_threshold = read.number();
    } else if (key == "strategy_mode") {
        params.strategy_mode = read.boolean();
    } else if (key == "profile") {
        static constexpr std::array<std::string_view, 2> kNames = {"reference", "pine"};
        params.profile = static_cast<MaProfile>(read.choice(kNames));
    } else {
        read.fail(unknown_key_message(key));
    }
}

// A second value for a key would silently override the first; refuse it.
void reject_duplicates(const std::vector<Member>& members, const Document& doc) {
    std::unordered_map<std::string_view, std::size_t> first_offset;
    for (const Member& member : members) {
        const auto [it, inserted] = first_offset.emplace(member.key, member.offset);
        if (!inserted) {
            const std::size_t first_line = position_of(doc.text, it->second).line;
            MemberReader(doc, member)
                .fail("duplicate key \"" + member.key + "\" (first given on line " +
                      std::to_string(first_line) + ")");
        }
    }
}

// ---------------------------------------------------------------------------
// Writing.

// Shortest text that reads back to exactly `v` (std::to_chars guarantees the
// round trip), with ".0" kept on whole numbers so weights look like numbers
// with a fraction, as in the golden files.
std::string format_double(double v) {
    if (!std::isfinite(v))
        return "null";  // JSON has no NaN/inf; reading it back names the key
    std::array<char, 64> buf{};
    const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    std::string out(buf.data(), ec == std::errc() ? end : buf.data());
    if (out.find_first_of(".e") == std::string::npos)
        out += ".0";
    return out;
}

std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.append(1, '"').append(s).append(1, '"');
    return out;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

AtcParams parse_params_json(std::string_view text, std::string_view source_view) {
    const Document doc{text, std::string(source_view)};
    const std::string& source = doc.source;
    const std::vector<Member> members = Parser(text, source).parse_document();
    reject_duplicates(members, doc);
    AtcParams params;
    for (const Member& member : members)
        apply_member(member, doc, params);
    const auto issues = check_params(params);
    if (!issues.empty()) {
        throw ParamsError(source, issues.front().key, source + ": " + issues.front().message);
    }
    return params;
}

AtcParams read_params_json(const std::filesystem::path& file) {
    const std::string name = file.string();
    const auto fail = [&name](const char* what) {
        throw ParamsError(name, {}, name + ": " + what + ": " + std::strerror(errno));
    };
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(name.c_str(), "rb"));
    if (!f)
        fail("cannot open the file");
    std::string text;
    std::array<char, 1 << 14> buffer;
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), f.get())) > 0) {
        text.append(buffer.data(), got);
    }
    if (std::ferror(f.get()))
        fail("cannot read the file");
    return parse_params_json(text, name);
}

std::string params_to_json(const AtcParams& p) {
    std::vector<std::pair<std::string_view, std::string>> members;
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        members.emplace_back(kLengthKeys[i], std::to_string(p.lengths[i]));
    }
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        members.emplace_back(kWeightKeys[i], format_double(p.weights[i]));
    }
    members.emplace_back("robustness", quoted(robustness_name(p.robustness)));
    members.emplace_back("La", format_double(p.lambda));
    members.emplace_back("De", format_double(p.decay));
    members.emplace_back("cutout", std::to_string(p.cutout));
    members.emplace_back("long_threshold", format_double(p.long_threshold));
    members.emplace_back("short_threshold", format_double(p.short_threshold));
    members.emplace_back("strategy_mode", p.strategy_mode ? "true" : "false");
    members.emplace_back("profile", quoted(profile_name(p.profile)));

    std::string out = "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        out += "  " + quoted(members[i].first) + ": " + members[i].second;
        out += i + 1 < members.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

}  // namespace atc
