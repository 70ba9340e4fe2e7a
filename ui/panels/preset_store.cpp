// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/preset_store.hpp"

#include <QtDebug>
#include <algorithm>
#include <exception>

#include "atc/params_json.hpp"

namespace atc::ui {
namespace {

// Groups are entered and left in one scope so an exception cannot leave the
// shared settings object inside "presets".
class GroupScope {
public:
    explicit GroupScope(QSettings& s) : s_(s) {
        s_.beginGroup(QString::fromLatin1(PresetStore::kGroup));
    }
    GroupScope(const GroupScope&) = delete;
    GroupScope& operator=(const GroupScope&) = delete;
    ~GroupScope() { s_.endGroup(); }

private:
    QSettings& s_;
};

std::optional<AtcParams> parsePreset(const QString& name, const QString& text) {
    try {
        const std::string source = "preset \"" + name.toStdString() + "\"";
        return parse_params_json(text.toStdString(), source);
    } catch (const std::exception& e) {
        qWarning().noquote() << "ATC Studio: skipping preset" << name << "-" << e.what();
        return std::nullopt;
    }
}

}  // namespace

QStringList PresetStore::names() const {
    QStringList result;
    GroupScope group(settings_);
    for (const QString& key : settings_.childKeys()) {
        if (parsePreset(key, settings_.value(key).toString()))
            result << key;
    }
    std::sort(result.begin(), result.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return result;
}

std::optional<AtcParams> PresetStore::load(const QString& name) const {
    GroupScope group(settings_);
    if (!settings_.contains(name))
        return std::nullopt;
    return parsePreset(name, settings_.value(name).toString());
}

void PresetStore::save(const QString& name, const AtcParams& params) {
    {
        GroupScope group(settings_);
        settings_.setValue(name, QString::fromStdString(params_to_json(params)));
    }
    settings_.sync();
}

bool PresetStore::remove(const QString& name) {
    {
        GroupScope group(settings_);
        if (!settings_.contains(name))
            return false;
        settings_.remove(name);
    }
    settings_.sync();
    return true;
}

bool PresetStore::contains(const QString& name) const {
    GroupScope group(settings_);
    return settings_.contains(name);
}

QString PresetStore::nameProblem(const QString& name) {
    if (name.trimmed().isEmpty())
        return QObject::tr("A preset needs a name.");
    if (name != name.trimmed())
        return QObject::tr("A preset name cannot start or end with a space.");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
        return QObject::tr("A preset name cannot contain “/” or “\\”.");
    }
    return {};
}

}  // namespace atc::ui
