// Human-readable sizes for the status panels ("27.4 MiB").
#pragma once

#include <QString>
#include <cstdint>

namespace atc::ui {

QString byte_text(std::uint64_t bytes);

}  // namespace atc::ui
