// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/shown_members.hpp"

#include <algorithm>

namespace atc::ui {

void ShownMembers::show(const std::shared_ptr<const SymbolData>& data,
                        const std::vector<MaType>& families) {
    if (data != data_) {
        for (std::size_t f = 0; f < kFamilyCount; ++f)
            drop(f);
        data_ = data;
    }
    for (const MaType type : kAllFamilies) {
        const auto f = static_cast<std::size_t>(type);
        shown_[f] = data_ && std::find(families.begin(), families.end(), type) != families.end();
        if (!shown_[f]) {
            drop(f);
            continue;
        }
        if (members_[f] || asked_[f] || !failures_[f].isEmpty())
            continue;
        members_[f] = keptMembers(data_, type);
        if (!members_[f]) {
            asked_[f] = std::make_shared<std::atomic<bool>>(false);
            emit wanted(data_, type, asked_[f]);
        }
    }
}

bool ShownMembers::takes(const std::shared_ptr<const SymbolData>& data, std::size_t family) const {
    return data && data == data_ && shown_[family] && !members_[family] &&
           failures_[family].isEmpty();
}

bool ShownMembers::take(const std::shared_ptr<const SymbolData>& data, MaType family,
                        std::shared_ptr<const FamilyMembers> members) {
    const auto f = static_cast<std::size_t>(family);
    if (!members || !takes(data, f))
        return false;
    asked_[f].reset();  // answered
    members_[f] = std::move(members);
    return true;
}

bool ShownMembers::takeFailure(const std::shared_ptr<const SymbolData>& data, MaType family,
                               const QString& message) {
    const auto f = static_cast<std::size_t>(family);
    if (!takes(data, f))
        return false;
    asked_[f].reset();
    failures_[f] = message;
    return true;
}

std::shared_ptr<const FamilyMembers> ShownMembers::members(MaType family) const {
    return members_[static_cast<std::size_t>(family)];
}

QString ShownMembers::failure(MaType family) const {
    return failures_[static_cast<std::size_t>(family)];
}

void ShownMembers::drop(std::size_t family) {
    if (asked_[family])
        *asked_[family] = true;
    asked_[family].reset();
    members_[family].reset();
    failures_[family].clear();
}

}  // namespace atc::ui
