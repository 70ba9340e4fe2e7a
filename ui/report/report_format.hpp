// SPDX-License-Identifier: GPL-3.0-or-later
// The file formats of the reports, how they are named on the command line and
// in file names, and what every report writer shares: progress, cancelling and
// the atomic write of the finished bytes.
#pragma once

#include <QByteArray>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace atc::ui {

enum class ReportFormat { Pdf, Csv, Json, Png };

// "pdf", "csv", "json", "png".
std::string_view reportFormatName(ReportFormat format);
// The name in any case; nullopt for anything else.
std::optional<ReportFormat> parseReportFormat(std::string_view name);
// From a file name's extension (".PDF" too); nullopt when it names no format.
std::optional<ReportFormat> reportFormatOf(const std::filesystem::path& file);

// Called now and then with the fraction done (0 to 1). Returning false cancels
// the report: the writer then throws ReportCancelled and writes nothing.
using ReportProgress = std::function<bool(double)>;

class ReportCancelled : public std::runtime_error {
public:
    ReportCancelled() : std::runtime_error("the report was cancelled") {}
};

// Reports progress `fraction`; throws ReportCancelled when the callback asks.
void reportProgress(const ReportProgress& progress, double fraction);

// Writes the finished report (atc/atomic_file.hpp): `file` then holds all of
// `bytes` or, after an error (FileWriteError), is exactly as it was before.
void writeReportFile(const std::filesystem::path& file, const QByteArray& bytes);

}  // namespace atc::ui
