// SPDX-License-Identifier: GPL-3.0-or-later
// What the main window needs from the application, created once in main() and
// passed in (no global singletons): the store's file, the result cache, the
// engine bridge and the settings.
#pragma once

#include <QSettings>
#include <filesystem>

#include "atc/cache/result_cache.hpp"
#include "atc/system/hardware.hpp"
#include "atc/system/memory_monitor.hpp"
#include "core/engine_service.hpp"
#include "core/storage_status.hpp"

namespace atc::ui {

class AlertNotifier;

struct StudioContext {
    std::filesystem::path database;
    cache::ResultCache& cache;
    EngineService& engine;
    QSettings& settings;
    // For the hardware and performance panel; without both it is left out.
    const system::HardwareReport* hardware = nullptr;
    system::MemoryMonitor* monitor = nullptr;
    // What is not saved (a read-only or in-memory database, a full disk); the
    // window shows its notices. Optional.
    StorageStatus* storage = nullptr;
    // Non-empty when the database is open read-only: why nothing can be
    // imported (readOnlyImportRefusal). Import is then turned off.
    QString import_refusal = {};
    // Where fired alerts are announced outside the window; null: the desktop's
    // notifications (TrayNotifier). Tests hand in one that records them.
    AlertNotifier* alert_notifier = nullptr;
};

}  // namespace atc::ui
