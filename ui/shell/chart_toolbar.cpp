// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/chart_toolbar.hpp"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

#include "charts/chart_format.hpp"
#include "shell/timeframe_selector.hpp"
#include "theme/theme.hpp"

namespace atc::ui {
namespace {

// A small colour swatch so each MA toggle shows the family's colour; a hidden
// family's is hollow, faded and crossed out (in the text colour, which stands
// out from the toolbar more than a family colour does).
QIcon swatch(const QColor& color, bool shown, const QColor& cross) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF bar(1, 4, 12, 6);
    if (shown) {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(bar, 2, 2);
    } else {
        QColor faded = color;
        faded.setAlphaF(0.6f);
        p.setPen(QPen(faded, 1.0));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        p.setPen(QPen(cross, 1.5));
        p.drawLine(QPointF(1.5, 12.5), QPointF(12.5, 1.5));
    }
    return QIcon(pixmap);
}

// "»" in the given colour, for the toolbar's overflow button.
QIcon overflowIcon(const QColor& color) {
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (double x : {3.5, 8.5}) {
        p.drawPolyline(QPolygonF({QPointF(x, 4.0), QPointF(x + 4.0, 8.0), QPointF(x, 12.0)}));
    }
    return QIcon(pixmap);
}

// The combos hold -1 for "no family" (the Layer-2 curves, calibration off),
// else the family's MaType.
std::optional<MaType> familyAt(const QComboBox* combo) {
    const QVariant v = combo->currentData();
    if (!v.isValid() || v.toInt() < 0)
        return std::nullopt;
    return static_cast<MaType>(v.toInt());
}

void chooseFamily(QComboBox* combo, std::optional<MaType> family) {
    combo->setCurrentIndex(combo->findData(family ? static_cast<int>(*family) : -1));
}

}  // namespace

ChartToolbar::ChartToolbar(QWidget* parent) : QToolBar(tr("Chart"), parent) {
    setObjectName(QStringLiteral("chartToolbar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    // First, as on TradingView: the timeframe is what a trader changes most.
    timeframe_ = new TimeframeSelector(this);
    addWidget(timeframe_);
    addSeparator();

    candles_ = addAction(tr("Candles"));
    candles_->setCheckable(true);
    candles_->setToolTip(tr("Candlesticks instead of the close line (where the data has OHLC)"));
    connect(candles_, &QAction::toggled, this, &ChartToolbar::candlesToggled);
    addPriceScaleActions();
    addSeparator();

    for (const MaType t : kAllFamilies) {
        QAction* a = addAction(familyLabel(t));
        a->setCheckable(true);
        a->setChecked(true);
        connect(a, &QAction::toggled, this, [this, t](bool on) {
            showFamilyState(t);
            emit maToggled(t, on);
        });
        ma_[static_cast<std::size_t>(t)] = a;
    }
    addSeparator();

    addWidget(new QLabel(tr(" Equity: "), this));
    equity_ = new QComboBox(this);
    equity_->setObjectName(QStringLiteral("equityCombo"));
    equity_->addItem(tr("Families (Layer 2)"), -1);
    for (const MaType t : kAllFamilies) {
        equity_->addItem(tr("%1 members").arg(familyLabel(t)), static_cast<int>(t));
    }
    connect(equity_, &QComboBox::currentIndexChanged, this,
            [this] { emit equityFamilyChosen(familyAt(equity_)); });
    addWidget(equity_);

    addWidget(new QLabel(tr("  Calibration: "), this));
    calibration_ = new QComboBox(this);
    calibration_->setObjectName(QStringLiteral("calibrationCombo"));
    calibration_->addItem(tr("Off"), -1);
    for (const MaType t : kAllFamilies)
        calibration_->addItem(familyLabel(t), static_cast<int>(t));
    calibration_->setToolTip(
        tr("The nine lengths of one family over price, as in the original indicator"));
    connect(calibration_, &QComboBox::currentIndexChanged, this,
            [this] { emit calibrationChosen(familyAt(calibration_)); });
    addWidget(calibration_);
    addSeparator();

    QAction* zoom_in = addAction(tr("Zoom in"));
    zoom_in->setShortcut(QKeySequence::ZoomIn);
    connect(zoom_in, &QAction::triggered, this, &ChartToolbar::zoomInRequested);
    QAction* zoom_out = addAction(tr("Zoom out"));
    zoom_out->setShortcut(QKeySequence::ZoomOut);
    connect(zoom_out, &QAction::triggered, this, &ChartToolbar::zoomOutRequested);
    QAction* reset = addAction(tr("Reset"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    reset->setToolTip(tr("Show the last bars again (Ctrl+0)"));
    connect(reset, &QAction::triggered, this, &ChartToolbar::resetZoomRequested);
    measure_ = addAction(tr("Measure"));
    measure_->setObjectName(QStringLiteral("measureAction"));
    measure_->setCheckable(true);
    measure_->setToolTip(
        tr("Drag on a chart to measure bars, time and change between two points "
           "(Shift+drag measures at any time; Esc removes it)"));
    connect(measure_, &QAction::toggled, this, &ChartToolbar::measureToolToggled);
    buildDrawMenu();
    compare_ = addAction(tr("Compare…"));
    compare_->setObjectName(QStringLiteral("compareAction"));
    compare_->setToolTip(
        tr("Draw other symbols over the price, in percent from the first visible bar"));
    connect(compare_, &QAction::triggered, this, &ChartToolbar::compareRequested);
    addSeparator();

    theme_ = addAction(tr("Light theme"));
    theme_->setToolTip(tr("Switch between the dark and the light theme"));
    connect(theme_, &QAction::triggered, this, &ChartToolbar::themeToggled);
    // Qt gives the extension its style's icon again when the toolbar turns.
    connect(this, &QToolBar::orientationChanged, this, &ChartToolbar::styleOverflowButton);
    setTheme(darkTheme());
}

void ChartToolbar::buildDrawMenu() {
    struct Tool {
        store::DrawingKind kind;
        QString name;
        Qt::Key key;  // with Alt, as on TradingView
    };
    const Tool tools[] = {
        {store::DrawingKind::HorizontalLine, tr("&Horizontal line"), Qt::Key_H},
        {store::DrawingKind::TrendLine, tr("&Trend line"), Qt::Key_T},
        {store::DrawingKind::VerticalLine, tr("&Vertical line"), Qt::Key_V},
        {store::DrawingKind::Rectangle, tr("&Rectangle"), Qt::Key_R},
    };
    draw_menu_ = new QMenu(tr("&Drawings"), this);
    draw_menu_->setObjectName(QStringLiteral("drawMenu"));
    // At most one tool armed, and none once a drawing is placed.
    drawing_tools_ = new QActionGroup(this);
    drawing_tools_->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (const Tool& tool : tools) {
        QAction* a = draw_menu_->addAction(tool.name);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::ALT | tool.key));
        drawing_tools_->addAction(a);
        drawing_[static_cast<std::size_t>(tool.kind)] = a;
    }
    connect(drawing_tools_, &QActionGroup::triggered, this, [this](QAction* a) {
        std::optional<store::DrawingKind> chosen;
        for (std::size_t k = 0; k < drawing_.size(); ++k) {
            if (drawing_[k] == a && a->isChecked())
                chosen = static_cast<store::DrawingKind>(k);
        }
        setDrawingTool(chosen);
        emit drawingToolChosen(chosen);
    });
    draw_menu_->addSeparator();
    magnet_ = draw_menu_->addAction(tr("&Magnet to OHLC"));
    magnet_->setObjectName(QStringLiteral("magnetAction"));
    magnet_->setCheckable(true);
    magnet_->setChecked(true);
    magnet_->setToolTip(
        tr("A point placed or dragged near the bar's open, high, low or close snaps to it"));
    hide_drawings_ = draw_menu_->addAction(tr("Hi&de drawings"));
    hide_drawings_->setObjectName(QStringLiteral("hideDrawingsAction"));
    hide_drawings_->setCheckable(true);

    draw_button_ = new QToolButton(this);
    draw_button_->setObjectName(QStringLiteral("drawButton"));
    draw_button_->setMenu(draw_menu_);
    draw_button_->setPopupMode(QToolButton::InstantPopup);
    draw_button_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    draw_button_->setToolTip(
        tr("Draw on the price chart: lines and rectangles (Alt+H, Alt+T, Alt+V, Alt+R); "
           "Del deletes the selected drawing, Ctrl+Z undoes"));
    addWidget(draw_button_);
    setDrawingTool(std::nullopt);
}

void ChartToolbar::setDrawingTool(std::optional<store::DrawingKind> kind) {
    for (std::size_t k = 0; k < drawing_.size(); ++k)
        drawing_[k]->setChecked(kind && static_cast<std::size_t>(*kind) == k);
    // The armed tool's name on the button, so the trader sees what the next click does.
    draw_button_->setText(
        kind ? tr("Draw: %1")
                   .arg(drawing_[static_cast<std::size_t>(*kind)]->text().remove(QLatin1Char('&')))
             : tr("Draw"));
}

void ChartToolbar::setTheme(const Theme& theme) {
    family_colors_ = theme.family;
    text_color_ = theme.text;
    for (const MaType t : kAllFamilies)
        showFamilyState(t);
    theme_->setText(theme.kind == ThemeKind::Dark ? tr("Light theme") : tr("Dark theme"));
    styleOverflowButton();
}

void ChartToolbar::showFamilyState(MaType type) {
    QAction* a = ma_[static_cast<std::size_t>(type)];
    const bool shown = a->isChecked();
    a->setIcon(swatch(family_colors_[static_cast<std::size_t>(type)], shown, text_color_));
    QFont font = a->font();
    font.setStrikeOut(!shown);
    a->setFont(font);
    a->setToolTip(shown ? tr("Hide the %1 (shown at its base length, coloured by its crossing "
                             "state)")
                              .arg(familyLabel(type))
                        : tr("The %1 is hidden: click to show it").arg(familyLabel(type)));
}

QToolButton* ChartToolbar::overflowButton() const {
    // The extension button's object name is how Qt's own style sheets address it.
    return findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
}

void ChartToolbar::styleOverflowButton() {
    QToolButton* more = overflowButton();
    if (!more || !text_color_.isValid())
        return;
    QIcon icon = overflowIcon(text_color_);
    if (orientation() == Qt::Vertical) {
        QPixmap turned = icon.pixmap(16, 16).transformed(QTransform().rotate(90));
        icon = QIcon(turned);
    }
    more->setIcon(icon);
    more->setToolTip(tr("More chart tools"));
}

void ChartToolbar::setCandlesAvailable(bool available) {
    candles_->setEnabled(available);
    candles_->setToolTip(available ? tr("Candlesticks instead of the close line")
                                   : tr("This symbol has closes only"));
}

void ChartToolbar::addPriceScaleActions() {
    // "log" and "%" as on TradingView's price scale: at most one is on; both
    // off is the linear scale. Alt+L and Alt+P are TradingView's keys too.
    auto* group = new QActionGroup(this);
    group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const auto add = [&](const QString& text, const char* name, QKeyCombination key,
                         const QString& tip) {
        QAction* action = addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(key));
        action->setToolTip(tip + QStringLiteral(" (%1)").arg(
                                     action->shortcut().toString(QKeySequence::NativeText)));
        group->addAction(action);
        return action;
    };
    log_scale_ = add(tr("log"), "logScaleAction", Qt::ALT | Qt::Key_L,
                     tr("Logarithmic price scale: equal ratios, equal heights"));
    percent_scale_ = add(tr("%"), "percentScaleAction", Qt::ALT | Qt::Key_P,
                         tr("Percent price scale: the change from the first visible bar"));
    connect(group, &QActionGroup::triggered, this, [this] { emit priceScaleChosen(priceScale()); });
}

PriceScale ChartToolbar::priceScale() const {
    if (log_scale_->isChecked())
        return PriceScale::Log;
    return percent_scale_->isChecked() ? PriceScale::Percent : PriceScale::Linear;
}

void ChartToolbar::setPriceScale(PriceScale scale) {
    if (scale == priceScale())
        return;
    log_scale_->setChecked(scale == PriceScale::Log);
    percent_scale_->setChecked(scale == PriceScale::Percent);
    emit priceScaleChosen(scale);
}

bool ChartToolbar::candles() const {
    return candles_->isChecked();
}

void ChartToolbar::setCandles(bool on) {
    candles_->setChecked(on);
}

bool ChartToolbar::maVisible(MaType type) const {
    return ma_[static_cast<std::size_t>(type)]->isChecked();
}

void ChartToolbar::setMaVisible(MaType type, bool visible) {
    ma_[static_cast<std::size_t>(type)]->setChecked(visible);
}

std::optional<MaType> ChartToolbar::equityFamily() const {
    return familyAt(equity_);
}

void ChartToolbar::setEquityFamily(std::optional<MaType> family) {
    chooseFamily(equity_, family);
}

std::optional<MaType> ChartToolbar::calibrationFamily() const {
    return familyAt(calibration_);
}

void ChartToolbar::setCalibrationFamily(std::optional<MaType> family) {
    chooseFamily(calibration_, family);
}

}  // namespace atc::ui
