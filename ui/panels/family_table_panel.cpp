// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/family_table_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "atc/signals.hpp"
#include "core/number_format.hpp"
#include "panels/contrast.hpp"

namespace atc::ui {
namespace {

// The colour that carries a cell's meaning, kept apart from how it is drawn.
constexpr int kMeaningRole = Qt::UserRole + 1;

QString qstr(std::string_view s) {
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

double lastOf(const std::vector<double>& v) {
    return v.empty() ? std::numeric_limits<double>::quiet_NaN() : v.back();
}

// "+0.45", "0.00", "-0.12": the sign is the point of a signal.
QString signedText(double v) {
    if (!std::isfinite(v))
        return QStringLiteral("—");
    if (v == 0.0)
        return QStringLiteral("0.00");
    return (v > 0.0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', 2);
}

QString directionText(int direction) {
    return direction > 0   ? QObject::tr("Long")
           : direction < 0 ? QObject::tr("Short")
                           : QObject::tr("Flat");
}

QString stateText(int state) {
    return state > 0   ? QObject::tr("long")
           : state < 0 ? QObject::tr("short")
                       : QObject::tr("no crossing yet");
}

}  // namespace

QString offsetLabel(int offset) {
    if (offset == 0)
        return QStringLiteral("B");
    return (offset > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) +
           QString::number(std::abs(offset));
}

FamilyTablePanel::FamilyTablePanel(QWidget* parent) : QWidget(parent), theme_(darkTheme()) {
    caption_ = new QLabel;
    caption_->setObjectName(QStringLiteral("familyCaption"));
    table_ = new QTableWidget(static_cast<int>(kFamilyCount), kColumnCount);
    table_->setObjectName(QStringLiteral("familyTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* header = table_->horizontalHeader();
    header->setHighlightSections(false);
    header->setMinimumSectionSize(
        table_->fontMetrics().horizontalAdvance(QStringLiteral("00.000")) + 14);
    for (int c = 0; c < kColumnCount; ++c) {
        header->setSectionResizeMode(
            c, c < kFirstMemberColumn ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
    }
    // All six rows, never a scroll bar: the table is small and always complete.
    table_->setFixedHeight(header->sizeHint().height() +
                           table_->verticalHeader()->defaultSectionSize() *
                               static_cast<int>(kFamilyCount) +
                           2 * table_->frameWidth());

    multiplier_ = new QLabel;
    multiplier_->setObjectName(QStringLiteral("growthMultiplier"));
    multiplier_->setWordWrap(true);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 4, 6, 4);
    column->setSpacing(4);
    column->addWidget(caption_);
    column->addWidget(table_);
    column->addWidget(multiplier_);
    column->addStretch(1);
    rebuild();
}

void FamilyTablePanel::setData(std::shared_ptr<const SymbolData> symbol) {
    data_ = std::move(symbol);
    rebuild();
}

void FamilyTablePanel::setTheme(const Theme& theme) {
    theme_ = theme;
    rebuild();  // every colour comes from the theme
}

void FamilyTablePanel::setCell(int row, int column, const QString& text, const QColor& meaning,
                               const QString& tip, bool tint_background) {
    auto* item = new QTableWidgetItem(text);
    // Names left, the two short numbers right; member values centred under
    // their (wide, stretched) offset headers.
    Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter;
    if (column == kFamilyColumn || column == kTrendColumn)
        align = Qt::AlignLeft | Qt::AlignVCenter;
    if (column >= kFirstMemberColumn)
        align = Qt::AlignCenter;
    item->setTextAlignment(align);
    item->setToolTip(tip);
    if (meaning.isValid()) {
        item->setData(kMeaningRole, meaning);
        if (tint_background) {
            // A light tint of the state over the panel: the state reads at a
            // glance and the number on it stays readable in both themes.
            const double amount = theme_.kind == ThemeKind::Dark ? 0.34 : 0.22;
            item->setBackground(mix(theme_.panel, meaning, amount));
            item->setForeground(theme_.text);
        } else {
            item->setForeground(readableOn(meaning, theme_.panel, theme_.text));
        }
    }
    table_->setItem(row, column, item);
}

void FamilyTablePanel::rebuild() {
    QPalette muted = caption_->palette();
    muted.setColor(QPalette::WindowText, theme_.muted_text);
    caption_->setPalette(muted);
    if (!data_ || !data_->result || data_->result->bars == 0) {
        showEmpty();
        return;
    }
    const AtcResult& r = *data_->result;
    const FamilyResult& first = r.families[0];

    QStringList headers = {tr("Family"), tr("Trend"), tr("Signal"), tr("Weight")};
    for (std::size_t k = 0; k < kMembersPerFamily; ++k)
        headers << offsetLabel(first.members[k].offset);
    table_->setHorizontalHeaderLabels(headers);
    table_->horizontalHeaderItem(kTrendColumn)
        ->setToolTip(tr("cut(S) at the last bar: Long above the long threshold, Short below the "
                        "short threshold, else Flat"));
    table_->horizontalHeaderItem(kSignalColumn)
        ->setToolTip(tr("Layer-1 signal S at the last bar: the members' states weighted by their "
                        "equities, −1 to +1"));
    table_->horizontalHeaderItem(kWeightColumn)
        ->setToolTip(tr("Layer-2 weight W at the last bar: the family's equity, its vote in the "
                        "Average signal"));
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        QStringList lengths;
        for (const FamilyResult& f : r.families) {
            lengths
                << QStringLiteral("%1 %2").arg(qstr(family_name(f.type))).arg(f.members[k].length);
        }
        const int offset = first.members[k].offset;
        table_->horizontalHeaderItem(kFirstMemberColumn + static_cast<int>(k))
            ->setToolTip(
                tr("Member at %1 (%2 robustness), Layer-1 equity at the last bar, coloured "
                   "by its state.\nLengths: %3")
                    .arg(
                        offset == 0 ? tr("the base length B") : tr("B %1").arg(offsetLabel(offset)),
                        qstr(robustness_name(r.params.robustness)),
                        lengths.join(QStringLiteral(", "))));
    }
    for (const FamilyResult& f : r.families)
        fillRow(static_cast<int>(f.type), r, f);

    caption_->setText(tr("%1 · last bar %2 · %3 bars · thresholds %4 / %5")
                          .arg(data_->name, barLabel(*data_, r.bars - 1), groupedCount(r.bars),
                               signedText(r.params.long_threshold),
                               signedText(r.params.short_threshold)));

    note_ = growthNote(r.bars, r.params);
    const bool loud = note_.level != GrowthLevel::Normal;
    multiplier_->setText((loud ? QStringLiteral("⚠ ") : QString()) + note_.text);
    multiplier_->setToolTip(note_.tooltip);
    QFont font = multiplier_->font();
    font.setBold(note_.level == GrowthLevel::Strong);
    multiplier_->setFont(font);
    QPalette pal = multiplier_->palette();
    pal.setColor(QPalette::WindowText,
                 readableOn(multiplierColor(), theme_.window, theme_.text, 3.5));
    multiplier_->setPalette(pal);
    multiplier_->setVisible(true);
}

void FamilyTablePanel::fillRow(int row, const AtcResult& r, const FamilyResult& f) {
    const QString family = qstr(family_name(f.type));
    const double signal = lastOf(f.signal);
    const int trend =
        static_cast<int>(threshold_cut(signal, r.params.long_threshold, r.params.short_threshold));
    const QColor trend_color = theme_.stateColor(trend);

    setCell(row, kFamilyColumn, family, theme_.familyColor(f.type),
            tr("%1, base length %2").arg(family).arg(f.base_length), false);
    setCell(row, kTrendColumn, directionText(trend), trend_color,
            tr("%1 is %2: its signal %3 is %4")
                .arg(family, directionText(trend).toLower(), signedText(signal),
                     trend > 0   ? tr("above the long threshold")
                     : trend < 0 ? tr("below the short threshold")
                                 : tr("between the thresholds")),
            false);
    setCell(row, kSignalColumn, signedText(signal), trend_color,
            tr("Layer-1 signal of %1 at the last bar").arg(family), false);
    setCell(row, kWeightColumn, groupedNumber(lastOf(f.weight_equity), 3), QColor(),
            tr("Layer-2 weight (equity) of %1 at the last bar").arg(family), false);
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        const MemberSeries& m = f.members[k];
        const int state = m.last_state;
        const double equity = m.last_equity;
        setCell(row, kFirstMemberColumn + static_cast<int>(k), groupedNumber(equity, 3),
                theme_.stateColor(state),
                tr("%1(%2): %3 at the last bar, equity %4")
                    .arg(family)
                    .arg(m.length)
                    .arg(stateText(state), groupedNumber(equity, 4)),
                true);
    }
    // The family's name in its chart colour, bold: the row's anchor.
    QTableWidgetItem* name = table_->item(row, kFamilyColumn);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    table_->item(row, kTrendColumn)->setFont(bold);
}

void FamilyTablePanel::showEmpty() {
    QStringList headers = {tr("Family"), tr("Trend"), tr("Signal"), tr("Weight")};
    for (int offset : member_offsets(Robustness::Medium))
        headers << offsetLabel(offset);
    table_->setHorizontalHeaderLabels(headers);
    for (MaType t : kAllFamilies) {
        const int row = static_cast<int>(t);
        setCell(row, kFamilyColumn, qstr(family_name(t)), theme_.familyColor(t), QString(), false);
        for (int c = kTrendColumn; c < kColumnCount; ++c) {
            setCell(row, c, QStringLiteral("—"), QColor(), QString(), false);
        }
    }
    caption_->setText(tr("No symbol shown yet: choose one in the watchlist."));
    note_ = GrowthNote{};
    multiplier_->clear();
    multiplier_->setToolTip(QString());
    multiplier_->setVisible(false);
}

QString FamilyTablePanel::cellText(int row, int column) const {
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->text() : QString();
}

QColor FamilyTablePanel::cellColor(int row, int column) const {
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->data(kMeaningRole).value<QColor>() : QColor();
}

QString FamilyTablePanel::cellToolTip(int row, int column) const {
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->toolTip() : QString();
}

QString FamilyTablePanel::headerText(int column) const {
    const QTableWidgetItem* item = table_->horizontalHeaderItem(column);
    return item ? item->text() : QString();
}

QString FamilyTablePanel::headerToolTip(int column) const {
    const QTableWidgetItem* item = table_->horizontalHeaderItem(column);
    return item ? item->toolTip() : QString();
}

QString FamilyTablePanel::multiplierText() const {
    return multiplier_->text();
}

QColor FamilyTablePanel::multiplierColor() const {
    switch (note_.level) {
        case GrowthLevel::Strong:
            return theme_.danger;
        case GrowthLevel::Warning:
            return theme_.warning;
        case GrowthLevel::Normal:
            break;
    }
    return theme_.text;
}

QString FamilyTablePanel::captionText() const {
    return caption_->text();
}

}  // namespace atc::ui
