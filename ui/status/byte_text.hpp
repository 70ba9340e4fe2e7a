// SPDX-License-Identifier: GPL-3.0-or-later
// Human-readable sizes for the status panels ("27.4 MiB").
#pragma once

#include <QString>
#include <cstdint>

namespace atc::ui {

QString byteText(std::uint64_t bytes);

}  // namespace atc::ui
