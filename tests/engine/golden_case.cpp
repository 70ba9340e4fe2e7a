// SPDX-License-Identifier: GPL-3.0-or-later
#include "golden_case.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"

namespace atc::test {
namespace {

QString golden_root() {
    return QStringLiteral(ATC_GOLDEN_DIR);
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        fields.push_back(line.substr(start, comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return fields;
}

}  // namespace

const std::vector<double>* NumericTable::column(const std::string& name) const {
    const auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? nullptr : &values[static_cast<std::size_t>(it - columns.begin())];
}

NumericTable read_numeric_table(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw std::runtime_error("cannot open " + path.toStdString());
    }
    NumericTable table;
    std::size_t line_no = 0;
    while (!file.atEnd()) {
        std::string line = file.readLine().trimmed().toStdString();
        ++line_no;
        if (line.empty())
            continue;
        auto fields = split(line);
        if (table.columns.empty()) {
            table.columns = fields;
            table.values.resize(fields.size());
            continue;
        }
        if (fields.size() != table.columns.size()) {
            throw std::runtime_error(path.toStdString() + ":" + std::to_string(line_no) +
                                     ": wrong field count");
        }
        for (std::size_t c = 0; c < fields.size(); ++c) {
            double v = std::numeric_limits<double>::quiet_NaN();
            if (!fields[c].empty()) {
                char* end = nullptr;
                v = std::strtod(fields[c].c_str(), &end);
                if (end == fields[c].c_str() || *end != '\0') {
                    throw std::runtime_error(path.toStdString() + ":" + std::to_string(line_no) +
                                             ": not a number: " + fields[c]);
                }
            }
            table.values[c].push_back(v);
        }
    }
    if (table.columns.empty())
        throw std::runtime_error(path.toStdString() + " is empty");
    return table;
}

QStringList golden_case_names() {
    QStringList names =
        QDir(golden_root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return names;
}

QStringList golden_cases_with_members() {
    return {QStringLiteral("dax_default"), QStringLiteral("flat_segments"),
            QStringLiteral("short_series")};
}

GoldenCase load_golden_case(const QString& name) {
    const QDir dir(golden_root() + "/" + name);
    auto required = [&](const char* file) {
        const QString path = dir.filePath(QString::fromLatin1(file));
        if (!QFileInfo::exists(path)) {
            throw std::runtime_error("golden case " + name.toStdString() + " lacks " + file);
        }
        return path;
    };
    GoldenCase c;
    c.name = name;
    c.close = read_price_csv(required("input.csv").toStdString()).close;
    c.params = read_params_json(required("params.json").toStdString());
    c.expected = read_numeric_table(required("expected.csv"));
    if (golden_cases_with_members().contains(name)) {
        c.mas = read_numeric_table(required("mas.csv"));
        c.layer1 = read_numeric_table(required("layer1.csv"));
    }
    return c;
}

bool close_enough(double ours, double ref, double tol) {
    if (std::isnan(ref) || std::isnan(ours))
        return std::isnan(ref) && std::isnan(ours);
    return std::fabs(ours - ref) <= tol * std::max(1.0, std::fabs(ref));
}

}  // namespace atc::test
