#include "shell/chart_toolbar.hpp"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

#include "shell/timeframe_selector.hpp"
#include "theme/theme.hpp"

namespace atc::ui {
namespace {

QString familyLabel(MaType t) {
    const std::string_view n = family_name(t);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

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
