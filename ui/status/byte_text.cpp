// SPDX-License-Identifier: GPL-3.0-or-later
#include "status/byte_text.hpp"

namespace atc::ui {

QString byteText(std::uint64_t bytes) {
    constexpr double kKiB = 1024.0;
    const double b = static_cast<double>(bytes);
    if (b < kKiB)
        return QStringLiteral("%1 B").arg(bytes);
    if (b < kKiB * kKiB)
        return QStringLiteral("%1 KiB").arg(b / kKiB, 0, 'f', 1);
    if (b < kKiB * kKiB * kKiB)
        return QStringLiteral("%1 MiB").arg(b / (kKiB * kKiB), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(b / (kKiB * kKiB * kKiB), 0, 'f', 2);
}

}  // namespace atc::ui
