// SPDX-License-Identifier: GPL-3.0-or-later
// The version the project declares in its top-level CMakeLists.txt
// (project(... VERSION x.y.z)), read from the source tree: the tests compare
// what the programs show with the one place the version is set.
#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>

namespace atc::test {

// Empty when the file or its project() VERSION cannot be read.
inline QString cmake_project_version() {
    QFile cmake(QStringLiteral(ATC_SAMPLE_DIR "/../../CMakeLists.txt"));
    if (!cmake.open(QIODevice::ReadOnly))
        return {};
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("project\\s*\\(\\s*\\w+\\s+VERSION\\s+([0-9.]+)"))
            .match(QString::fromUtf8(cmake.readAll()));
    return m.hasMatch() ? m.captured(1) : QString();
}

}  // namespace atc::test
