// `atc report`: one symbol of the database as a signal report (PDF, CSV, JSON
// or a PNG of the charts), the same files the window's File → Export… writes.
#pragma once

#include <span>
#include <string>

namespace atc::cli {

int run_report(std::span<const std::string> args);

}  // namespace atc::cli
