// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compute_setting.hpp"

#include <QString>

namespace atc::ui {
namespace {

const QString kKey = QStringLiteral("compute/backend");

}  // namespace

system::BackendRequest savedBackendRequest(const QSettings& settings) {
    const QString text = settings.value(kKey).toString();
    return system::parse_backend_request(text.toStdString()).value_or(system::BackendRequest::Auto);
}

void saveBackendRequest(QSettings& settings, system::BackendRequest request) {
    settings.setValue(kKey, QString::fromLatin1(system::backend_request_name(request).data()));
}

}  // namespace atc::ui
