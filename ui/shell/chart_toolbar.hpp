// SPDX-License-Identifier: GPL-3.0-or-later
// The chart toolbar: the timeframe, what is drawn (candles, the price scale,
// each MA family, which equities, the calibration view), navigation, the
// Measure tool, the drawing tools and the theme. It only emits; the main window
// forwards to the chart stack. A hidden family's button reads as off (crossed
// out swatch, struck-through name); in a narrow window the tools that do not
// fit wait behind the "»" at the end (Qt's own toolbar extension, drawn here in
// the theme's text colour: the style's grey arrows vanish on the dark theme).
#pragma once

#include <QColor>
#include <QToolBar>
#include <array>
#include <optional>

#include "atc/params.hpp"
#include "atc/store/drawing_store.hpp"
#include "charts/value_scale.hpp"

class QAction;
class QActionGroup;
class QComboBox;
class QMenu;
class QToolButton;

namespace atc::ui {

struct Theme;
class TimeframeSelector;

class ChartToolbar : public QToolBar {
    Q_OBJECT

public:
    explicit ChartToolbar(QWidget* parent = nullptr);

    void setTheme(const Theme& theme);
    void setCandlesAvailable(bool available);
    bool candles() const;
    void setCandles(bool on);
    bool maVisible(MaType type) const;
    PriceScale priceScale() const;
    void setPriceScale(PriceScale scale);
    // The checkable "log" and "%" (Alt+L, Alt+P); the View menu shows them too.
    QAction* logScaleAction() const { return log_scale_; }
    QAction* percentScaleAction() const { return percent_scale_; }
    // The setters act as the trader's click or choice: the signals follow.
    void setMaVisible(MaType type, bool visible);
    std::optional<MaType> equityFamily() const;
    void setEquityFamily(std::optional<MaType> family);
    std::optional<MaType> calibrationFamily() const;
    void setCalibrationFamily(std::optional<MaType> family);
    QAction* maAction(MaType type) const { return ma_[static_cast<std::size_t>(type)]; }
    TimeframeSelector* timeframeSelector() const { return timeframe_; }
    QComboBox* equityCombo() const { return equity_; }
    QComboBox* calibrationCombo() const { return calibration_; }
    QAction* themeAction() const { return theme_; }
    // Checked: the next drag on a chart measures (it unchecks once it has).
    QAction* measureAction() const { return measure_; }
    // "Draw": the four drawing tools (Alt+H horizontal line, Alt+T trend line,
    // Alt+V vertical line, Alt+R rectangle), the magnet (on by default) and
    // "Hide drawings". The window also lists the menu under View, which makes
    // the keys work wherever the focus is in the window.
    QMenu* drawMenu() const { return draw_menu_; }
    QToolButton* drawButton() const { return draw_button_; }
    QAction* drawingAction(store::DrawingKind kind) const {
        return drawing_[static_cast<std::size_t>(kind)];
    }
    QAction* magnetAction() const { return magnet_; }
    QAction* hideDrawingsAction() const { return hide_drawings_; }
    // Opens the Compare dialog (other symbols over the price).
    QAction* compareAction() const { return compare_; }
    // The "»" button that opens the tools the width leaves out (Qt's extension button).
    QToolButton* overflowButton() const;

signals:
    void candlesToggled(bool on);
    void priceScaleChosen(atc::ui::PriceScale scale);
    void maToggled(atc::MaType type, bool visible);
    void equityFamilyChosen(std::optional<atc::MaType> family);  // nullopt: the six Layer-2 curves
    void calibrationChosen(std::optional<atc::MaType> family);   // nullopt: hidden
    void zoomInRequested();
    void zoomOutRequested();
    void resetZoomRequested();
    void measureToolToggled(bool armed);
    // A drawing tool was picked (nullopt: the armed one was unpicked).
    void drawingToolChosen(std::optional<atc::store::DrawingKind> kind);
    void compareRequested();
    void themeToggled();

public slots:
    // Shows the tool the chart has armed (it disarms itself once it has placed a drawing).
    void setDrawingTool(std::optional<atc::store::DrawingKind> kind);

private:
    // Swatch, font and tooltip of a family's button after its visibility.
    void showFamilyState(MaType type);
    void addPriceScaleActions();
    void styleOverflowButton();
    void buildDrawMenu();

    std::array<QColor, kFamilyCount> family_colors_;
    QColor text_color_;
    TimeframeSelector* timeframe_ = nullptr;
    QAction* candles_ = nullptr;
    std::array<QAction*, kFamilyCount> ma_{};
    QComboBox* equity_ = nullptr;
    QComboBox* calibration_ = nullptr;
    QAction* log_scale_ = nullptr;
    QAction* percent_scale_ = nullptr;
    QAction* measure_ = nullptr;
    QMenu* draw_menu_ = nullptr;
    QToolButton* draw_button_ = nullptr;
    QActionGroup* drawing_tools_ = nullptr;
    std::array<QAction*, store::kDrawingKindCount> drawing_{};
    QAction* magnet_ = nullptr;
    QAction* hide_drawings_ = nullptr;
    QAction* compare_ = nullptr;
    QAction* theme_ = nullptr;
};

}  // namespace atc::ui
