// SPDX-License-Identifier: GPL-3.0-or-later
// Loading the golden cases of tests/golden/ (see its README): input, parameters
// and the reference outputs of the original implementation.
#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atc/params.hpp"

namespace atc::test {

// A numeric CSV with a header; empty fields are NaN. Column-major.
struct NumericTable {
    std::vector<std::string> columns;
    std::vector<std::vector<double>> values;
    std::size_t rows() const { return values.empty() ? 0 : values.front().size(); }
    // The column named `name`, or nullptr.
    const std::vector<double>* column(const std::string& name) const;
};

// Throws std::runtime_error naming the file and line on any problem.
NumericTable read_numeric_table(const QString& path);

struct GoldenCase {
    QString name;
    std::vector<double> close;
    AtcParams params;
    NumericTable expected;
    std::optional<NumericTable> mas;     // the 54 MAs, where the case has them
    std::optional<NumericTable> layer1;  // 54 states then 54 equities
};

// Every case directory under the golden root, sorted.
QStringList golden_case_names();
// Cases whose README promises mas.csv and layer1.csv.
QStringList golden_cases_with_members();

// Throws std::runtime_error if a required file is missing or unreadable.
GoldenCase load_golden_case(const QString& name);

// |ours - ref| <= tol * max(1, |ref|), and NaN exactly where ref is NaN.
bool close_enough(double ours, double ref, double tol);

}  // namespace atc::test
