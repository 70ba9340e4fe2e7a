// SPDX-License-Identifier: GPL-3.0-or-later
// The member series the chart stack's views draw: the calibration family's,
// while the calibration view is shown, and the chosen family's member
// equities. A full result keeps them; over a drawn result (what the app
// computes) they are asked for when a view opens (`wanted`, answered by
// EngineService::requestMembers off the GUI thread) and held only while a
// view shows them, so a million bars cost their 150 bytes a bar per family
// shown, not always. Answers for another symbol, timeframe or parameters, or
// for a family no view shows any more, are ignored; requests that lost their
// view are cancelled.
#pragma once

#include <QObject>
#include <QString>
#include <array>
#include <atomic>
#include <memory>
#include <vector>

#include "core/symbol_data.hpp"

namespace atc::ui {

class ShownMembers : public QObject {
    Q_OBJECT

public:
    // `data` is on screen and its views show `families`' members: those its
    // result keeps are taken from it, the others asked for once; the members
    // of other families are let go and their requests cancelled. Another
    // `data` starts over.
    void show(const std::shared_ptr<const SymbolData>& data, const std::vector<MaType>& families);

    // An answer to `wanted`. Taken, and true, when it is for the data on
    // screen and a family shown now that has no members yet.
    bool take(const std::shared_ptr<const SymbolData>& data, MaType family,
              std::shared_ptr<const FamilyMembers> members);
    // The same for a request that failed: the view says why.
    bool takeFailure(const std::shared_ptr<const SymbolData>& data, MaType family,
                     const QString& message);

    // A shown family's members; nullptr while they are being computed.
    std::shared_ptr<const FamilyMembers> members(MaType family) const;
    // Why a shown family's members could not be computed; empty otherwise.
    QString failure(MaType family) const;
    // Every family's members held now (nullptr for those not shown).
    const MemberSet& held() const { return members_; }

signals:
    // Compute `family`'s members of `data`; `cancelled` is set once they are
    // no longer needed.
    void wanted(std::shared_ptr<const atc::ui::SymbolData> data, atc::MaType family,
                std::shared_ptr<const std::atomic<bool>> cancelled);

private:
    bool takes(const std::shared_ptr<const SymbolData>& data, std::size_t family) const;
    void drop(std::size_t family);

    std::shared_ptr<const SymbolData> data_;
    std::array<bool, kFamilyCount> shown_{};
    MemberSet members_;
    std::array<QString, kFamilyCount> failures_;
    std::array<std::shared_ptr<std::atomic<bool>>, kFamilyCount> asked_;
};

}  // namespace atc::ui
