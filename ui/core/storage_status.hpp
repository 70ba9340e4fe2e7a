// SPDX-License-Identifier: GPL-3.0-or-later
// What the user must be told about where their data is kept. Nothing while the
// database file is written as it changes; otherwise one notice for each thing
// that is not saved (a database that cannot be written, a database in memory,
// the result cache's disk tier turned off by a full disk), each said once,
// naming the folder or file and the reason.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <filesystem>
#include <string>

namespace atc::ui {

struct StorageNotice {
    QString headline;  // one line for the status bar
    QString detail;    // a few sentences for the notice window
};

// The database file exists but cannot be written: its symbols are shown as they
// are, nothing is saved. `reason` from store::why_not_writable; `file` may be
// the URI the user gave, the notice names the file.
StorageNotice readOnlyDatabaseNotice(const std::filesystem::path& file, const std::string& reason);
// Why nothing can be imported into that database, to finish "Importing is off: …".
QString readOnlyImportRefusal(const std::filesystem::path& file, const std::string& reason);
// No database file could be opened or created: the app runs on one in memory.
StorageNotice memoryDatabaseNotice(const std::filesystem::path& file, const std::string& reason);
// The result cache's disk tier was turned off while running (disk full).
StorageNotice cacheDiskOffNotice(const std::string& reason);

class StorageStatus : public QObject {
    Q_OBJECT

public:
    explicit StorageStatus(QObject* parent = nullptr);

    // Any thread (the result cache reports from engine workers): the notice is
    // added on this object's thread, queued when called from another one.
    void report(const StorageNotice& notice);

    // Everything reported so far, oldest first. This object's thread only.
    const QList<StorageNotice>& notices() const { return notices_; }

signals:
    void noticeAdded(const atc::ui::StorageNotice& notice);

private:
    void add(const StorageNotice& notice);
    QList<StorageNotice> notices_;
};

}  // namespace atc::ui

Q_DECLARE_METATYPE(atc::ui::StorageNotice)
