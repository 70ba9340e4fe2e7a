// SPDX-License-Identifier: GPL-3.0-or-later
// `atc report`: one symbol of the database as a signal report (PDF, CSV, JSON
// or a PNG of the charts), the same files the window's File → Export… writes.
// command_report.cpp in atc-report-render; `atc` runs that program for it
// (report_handover.cpp), an atc without the UI says it cannot
// (reports_unavailable.cpp).
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_report(std::span<const std::string> args);

}  // namespace atc::cli
