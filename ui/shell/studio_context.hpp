// What the main window needs from the application, created once in main() and
// passed in (no global singletons): the store's file, the result cache, the
// engine bridge and the settings.
#pragma once

#include <QSettings>
#include <filesystem>

#include "atc/cache/result_cache.hpp"
#include "core/engine_service.hpp"

namespace atc::ui {

struct StudioContext {
    std::filesystem::path database;
    cache::ResultCache& cache;
    EngineService& engine;
    QSettings& settings;
};

}  // namespace atc::ui
