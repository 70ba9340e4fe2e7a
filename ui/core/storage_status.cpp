// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage_status.hpp"

#include <QMetaObject>
#include <QThread>

#include "atc/store/database_location.hpp"
#include "core/qt_text.hpp"

namespace atc::ui {
StorageNotice readOnlyDatabaseNotice(const std::filesystem::path& file, const std::string& reason) {
    return {QObject::tr("Imports off, results in memory only: %1").arg(qs(reason)),
            QObject::tr("ATC Studio cannot write to its symbol database %1: %2.\n\n"
                        "Its symbols are shown as they are, but importing is turned off, and "
                        "computed results are kept in memory only, until ATC Studio closes. "
                        "Start it with --db PATH to use a file that can be written.")
                .arg(qs(store::file_of(file).string()), qs(reason))};
}

QString readOnlyImportRefusal(const std::filesystem::path& file, const std::string& reason) {
    return QObject::tr("the symbol database %1 cannot be written (%2)")
        .arg(qs(store::file_of(file).string()), qs(reason));
}

StorageNotice memoryDatabaseNotice(const std::filesystem::path& file, const std::string& reason) {
    return {QObject::tr("Nothing will be saved: %1").arg(qs(reason)),
            QObject::tr("ATC Studio cannot create its symbol database %1: %2.\n\n"
                        "ATC Studio runs on a database in memory with the bundled sample data. "
                        "Imported symbols and computed results are lost when it closes. Start "
                        "it with --db PATH to use a file that can be written.")
                .arg(qs(file.string()), qs(reason))};
}

StorageNotice cacheDiskOffNotice(const std::string& reason) {
    return {QObject::tr("Result cache in memory only: %1").arg(qs(reason)),
            QObject::tr("The result cache can no longer write to the database: %1.\n\n"
                        "Results computed from now on are kept in memory until ATC Studio "
                        "closes. Your symbols and everything saved before are unchanged.")
                .arg(qs(reason))};
}

StorageStatus::StorageStatus(QObject* parent) : QObject(parent) {
    qRegisterMetaType<StorageNotice>();
}

void StorageStatus::report(const StorageNotice& notice) {
    if (QThread::currentThread() == thread()) {
        add(notice);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, notice] { add(notice); }, Qt::QueuedConnection);
}

void StorageStatus::add(const StorageNotice& notice) {
    notices_.append(notice);
    emit noticeAdded(notice);
}

}  // namespace atc::ui
