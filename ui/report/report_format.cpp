// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_format.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "atc/atomic_file.hpp"

namespace atc::ui {
namespace {

constexpr std::array<std::pair<std::string_view, ReportFormat>, 4> kNames = {{
    {"pdf", ReportFormat::Pdf},
    {"csv", ReportFormat::Csv},
    {"json", ReportFormat::Json},
    {"png", ReportFormat::Png},
}};

}  // namespace

std::string_view reportFormatName(ReportFormat format) {
    for (const auto& [name, f] : kNames) {
        if (f == format)
            return name;
    }
    return "?";
}

std::optional<ReportFormat> parseReportFormat(std::string_view name) {
    std::string lower(name);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [known, f] : kNames) {
        if (known == lower)
            return f;
    }
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatOf(const std::filesystem::path& file) {
    const std::string ext = file.extension().string();
    if (ext.size() < 2)
        return std::nullopt;
    return parseReportFormat(std::string_view(ext).substr(1));
}

void reportProgress(const ReportProgress& progress, double fraction) {
    if (progress && !progress(fraction))
        throw ReportCancelled();
}

void writeReportFile(const std::filesystem::path& file, const QByteArray& bytes) {
    write_file_atomically(
        file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

}  // namespace atc::ui
