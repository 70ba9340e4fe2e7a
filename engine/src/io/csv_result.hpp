// SPDX-License-Identifier: GPL-3.0-or-later
// How the steps of the price CSV reader say that a file is refused: each one
// returns a CsvResult, its value or the CsvProblem that ends the read, and
// parse_price_csv turns the problem into the public CsvError (price_csv.cpp
// says why this style and not exceptions).
#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace atc::detail {

// Why the file is refused: the sentence CsvError::problem() shows, and where.
// A step that cannot know the line (one field's value, one time) leaves it 0
// and its caller, which does, places the problem; once the problem reaches
// parse_price_csv, line 0 means the whole file.
struct CsvProblem {
    explicit CsvProblem(std::string sentence = {}, std::size_t line_number = 0,
                        std::string column_name = {})
        : text(std::move(sentence)), line(line_number), column(std::move(column_name)) {}

    std::string text;
    std::size_t line;
    std::string column;  // header name of the column at fault; empty when none
};

// A step's value, or its problem. CsvResult<> is a step that only checks.
template <typename T = std::monostate>
class [[nodiscard]] CsvResult {
public:
    // The success of a step that only checks: `return {};`.
    CsvResult() requires std::same_as<T, std::monostate> {}
    CsvResult(T value) : state_(std::move(value)) {}
    CsvResult(CsvProblem problem) : state_(std::move(problem)) {}

    explicit operator bool() const { return state_.index() == 0; }
    T& operator*() { return *std::get_if<T>(&state_); }
    T* operator->() { return std::get_if<T>(&state_); }
    CsvProblem& problem() { return *std::get_if<CsvProblem>(&state_); }

private:
    std::variant<T, CsvProblem> state_;
};

}  // namespace atc::detail
