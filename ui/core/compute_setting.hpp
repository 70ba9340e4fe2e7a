// SPDX-License-Identifier: GPL-3.0-or-later
// The user's "Compute on" setting (auto, cpu or gpu), kept in the app's
// settings under compute/backend with the names `atc scan --backend` takes.
#pragma once

#include <QSettings>

#include "atc/system/backend_choice.hpp"

namespace atc::ui {

// The saved setting; auto when none is saved or the saved text is not a setting.
system::BackendRequest savedBackendRequest(const QSettings& settings);
void saveBackendRequest(QSettings& settings, system::BackendRequest request);

}  // namespace atc::ui
