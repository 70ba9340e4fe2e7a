// SPDX-License-Identifier: GPL-3.0-or-later
// Reading the reports' PDFs back as a reader would, with poppler-utils
// (scripts/install-deps.sh): the text of every page (pdftotext), and page one
// as an image for a human to look at (pdftoppm).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace atc::test {

// Empty when the tool is missing; the caller fails with this hint.
inline QString poppler_tool(const QString& name) {
    return QStandardPaths::findExecutable(name);
}

inline const char* poppler_hint() {
    return "poppler-utils (pdftotext, pdftoppm) is missing: run scripts/install-deps.sh";
}

// The text of every page, in reading order ("-layout" keeps table rows on one
// line); a null string when pdftotext fails (not a PDF, damaged).
inline QString pdf_text(const QString& pdf_file) {
    QProcess p;
    p.start(poppler_tool(QStringLiteral("pdftotext")),
            {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf_file,
             QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Number of pages, from pdfinfo-free means: pdftotext separates pages by form feeds.
inline int pdf_pages(const QString& text) {
    return static_cast<int>(text.count(QChar(u'\f')));
}

// Page one at 80 dpi as `png_base`.png, for looking at the layout
// (ATC_REPORT_PREVIEW_DIR); true when it was written.
inline bool pdf_preview(const QString& pdf_file, const QString& png_base, int first_page = 1,
                        int last_page = 1) {
    QProcess p;
    p.start(poppler_tool(QStringLiteral("pdftoppm")),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
             QStringLiteral("-f"), QString::number(first_page), QStringLiteral("-l"),
             QString::number(last_page), pdf_file, png_base});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace atc::test
