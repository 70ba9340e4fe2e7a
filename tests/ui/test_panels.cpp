// SPDX-License-Identifier: GPL-3.0-or-later
// The dock panels driven as a trader would, offscreen: the parameter editor
// (defaults, edits, typing that applies whole entries only, inline validation,
// the wheel scrolling past its fields, presets that survive a restart), the
// watchlist (store order, filter, selection, imports good and bad off the GUI
// thread) and the family table (the engine's last values and colours, and the
// exponential multiplier's warning levels).
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

#include "atc/compute.hpp"
#include "atc/param_table.hpp"
#include "atc/params_json.hpp"
#include "atc/price_csv.hpp"
#include "atc/signals.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "atc/validation.hpp"
#include "core/number_format.hpp"
#include "core/symbol_data.hpp"
#include "header_click.hpp"
#include "mouse_wheel.hpp"
#include "panels/contrast.hpp"
#include "panels/family_table_panel.hpp"
#include "panels/number_field.hpp"
#include "panels/params_panel.hpp"
#include "panels/symbol_import.hpp"
#include "panels/symbol_list_model.hpp"
#include "panels/watchlist_panel.hpp"
#include "shell/wheel_guard.hpp"
#include "theme/theme.hpp"

using namespace atc;
using namespace atc::ui;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

// A daily CSV with `n` rows; `bad_line` (1-based file line, header = 1) gets a
// non-numeric close when set.
std::string daily_csv(int n, double start, int bad_line = 0) {
    std::string text = "Date,Close\n";
    for (int i = 0; i < n; ++i) {
        const int line = i + 2;
        char date[32];  // room for any int the format could print
        std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i / 28, 1 + i % 28);
        text += date;
        text += ",";
        text += line == bad_line ? std::string("abc") : std::to_string(start + (i % 11) * 0.5);
        text += "\n";
    }
    return text;
}

PriceSeries make_bars(std::size_t n, double start) {
    PriceSeries s;
    for (std::size_t i = 0; i < n; ++i) {
        s.close.push_back(start + static_cast<double>(i % 13) * 0.25);
        s.time_ms.push_back(1'700'000'000'000 + static_cast<std::int64_t>(i) * 86'400'000);
    }
    s.time_kind = TimeKind::Date;
    s.time_column = "date";
    return s;
}

store::SymbolMeta meta(const std::string& name, store::SymbolKind kind, int order) {
    store::SymbolMeta m;
    m.name = name;
    m.kind = kind;
    m.sort_order = order;
    m.timeframe = "1d";
    m.source = "test";
    return m;
}

// Everything the store says about its symbols, for before/after comparisons.
struct StoreSnapshot {
    std::vector<std::string> names;
    std::vector<std::size_t> bar_counts;
    std::vector<std::int64_t> imported_at;
    std::vector<std::vector<double>> closes;
    bool operator==(const StoreSnapshot&) const = default;
};

StoreSnapshot snapshot(const fs::path& db_path) {
    store::Database db = store::Database::connect(db_path);
    store::SymbolStore symbols(db);
    StoreSnapshot s;
    for (const store::SymbolInfo& info : symbols.list()) {
        s.names.push_back(info.meta.name);
        s.bar_counts.push_back(info.bar_count);
        s.imported_at.push_back(info.imported_at_ms);
        s.closes.push_back(symbols.load(info.meta.name).close);
    }
    return s;
}

QStringList names_of(const std::vector<std::string>& names) {
    QStringList out;
    for (const std::string& n : names)
        out << QString::fromStdString(n);
    return out;
}

std::shared_ptr<const SymbolData> dax_data(const AtcParams& params) {
    auto data = std::make_shared<SymbolData>();
    data->name = QStringLiteral("DAX");
    data->bars = read_price_csv(fs::path(ATC_SAMPLE_DIR) / "DAX.csv");
    data->params = params;
    data->result = std::make_shared<const AtcResult>(compute_symbol(data->bars.close, params));
    return data;
}

template <class T>
T* editor_as(const ParamsPanel& panel, const char* key) {
    auto* e = qobject_cast<T*>(panel.editor(QString::fromLatin1(key)));
    if (e == nullptr)
        qFatal("no editor for %s", key);
    return e;
}

// Types `text` into a parameter's field as a user does: click into it, select
// what it holds, type key by key. Nothing is entered yet (see enter()).
NumberField* type_into(const ParamsPanel& panel, const char* key, const QString& text) {
    auto* field = editor_as<NumberField>(panel, key);
    QTest::mouseClick(field, Qt::LeftButton);
    field->selectAll();
    QTest::keyClicks(field, text);
    return field;
}

// Types `text` and presses Enter.
NumberField* enter(const ParamsPanel& panel, const char* key, const QString& text) {
    NumberField* field = type_into(panel, key, text);
    QTest::keyClick(field, Qt::Key_Enter);
    return field;
}

// The message check_params and check_bar_count give for `key`, joined as the
// panel shows them.
QString spec_message(const AtcParams& p, const std::string& key, std::size_t bars = 0) {
    std::vector<ParamIssue> issues = check_params(p);
    const std::vector<ParamIssue> counted = check_bar_count(bars, p);
    issues.insert(issues.end(), counted.begin(), counted.end());
    QStringList lines;
    for (const ParamIssue& issue : issues) {
        if (issue.key == key)
            lines << QString::fromStdString(issue.message);
    }
    return lines.join(QLatin1Char('\n'));
}

// The message set_param_from_text gives for `text` in `key`'s field.
QString text_message(const char* key, const char* text) {
    AtcParams p;
    const std::optional<ParamIssue> issue = set_param_from_text(p, *find_param(key), text);
    return issue ? QString::fromStdString(issue->message) : QString();
}

void show_active(QWidget& widget) {
    widget.show();
    widget.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&widget));
}

// A parameter panel with its own settings file, recording every paramsEdited.
struct RecordedPanel {
    explicit RecordedPanel(const QString& settings_file)
        : settings(settings_file, QSettings::IniFormat), panel(settings) {
        QObject::connect(&panel, &ParamsPanel::paramsEdited,
                         [this](const AtcParams& p) { emitted.push_back(p); });
    }
    QLabel* notice() const { return panel.findChild<QLabel*>(QStringLiteral("invalidNotice")); }

    QSettings settings;
    ParamsPanel panel;
    std::vector<AtcParams> emitted;
};

// Collects qWarning output while alive (the presets that fail to parse).
class WarningCatcher {
public:
    WarningCatcher() {
        previous_ = qInstallMessageHandler(&WarningCatcher::handle);
        lines().clear();
    }
    WarningCatcher(const WarningCatcher&) = delete;
    WarningCatcher& operator=(const WarningCatcher&) = delete;
    ~WarningCatcher() { qInstallMessageHandler(previous_); }
    bool contains(const QString& text) const {
        return std::any_of(lines().cbegin(), lines().cend(),
                           [&](const QString& l) { return l.contains(text); });
    }

private:
    static QStringList& lines() {
        static QStringList all;
        return all;
    }
    static void handle(QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtWarningMsg)
            lines() << message;
    }
    QtMessageHandler previous_ = nullptr;
};

QString fmt(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

}  // namespace

class TestPanels : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    int counter_ = 0;

    QString fresh(const QString& name) {
        return tmp_.filePath(QStringLiteral("%1-%2").arg(++counter_).arg(name));
    }
    fs::path fresh_path(const QString& name) { return fs::path(fresh(name).toStdString()); }

    // A store with two real and two generated symbols, inserted out of order.
    fs::path seeded_store() {
        const fs::path p = fresh_path(QStringLiteral("store.sqlite"));
        store::Database db = store::Database::open(p);
        store::SymbolStore symbols(db);
        symbols.save(meta("GEN-0002", store::SymbolKind::Generated, 2), make_bars(80, 50.0));
        symbols.save(meta("ZED", store::SymbolKind::Imported, 0), make_bars(120, 100.0));
        symbols.save(meta("GEN-0001", store::SymbolKind::Generated, 1), make_bars(90, 60.0));
        symbols.save(meta("Alpha", store::SymbolKind::Imported, 1), make_bars(100, 10.0));
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        installWheelGuard(*qApp);  // as the main window does
    }

    // ---- ParamsPanel -------------------------------------------------------

    void paramsShowDefaults() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        QCOMPARE(panel.params(), AtcParams{});
        QVERIFY(panel.isValid());
        for (const char* key :
             {"ema_len", "hull_len", "wma_len", "dema_len", "lsma_len", "kama_len"}) {
            QCOMPARE(editor_as<NumberField>(panel, key)->value(), 28.0);
            QVERIFY(panel.messageFor(QString::fromLatin1(key)).isEmpty());
        }
        for (const char* key : {"ema_w", "hma_w", "wma_w", "dema_w", "lsma_w", "kama_w"}) {
            QCOMPARE(editor_as<NumberField>(panel, key)->value(), 1.0);
            QCOMPARE(editor_as<NumberField>(panel, key)->text(), QStringLiteral("1.0"));
        }
        QCOMPARE(editor_as<QComboBox>(panel, "robustness")->currentData().toInt(),
                 static_cast<int>(Robustness::Medium));
        QVERIFY(editor_as<QComboBox>(panel, "robustness")
                    ->currentText()
                    .startsWith(QStringLiteral("Medium")));
        QCOMPARE(editor_as<QComboBox>(panel, "profile")->currentData().toInt(),
                 static_cast<int>(MaProfile::Reference));
        QCOMPARE(editor_as<NumberField>(panel, "La")->value(), 0.02);
        QCOMPARE(editor_as<NumberField>(panel, "La")->text(), QStringLiteral("0.02"));
        QCOMPARE(editor_as<NumberField>(panel, "De")->value(), 0.03);
        QCOMPARE(editor_as<NumberField>(panel, "cutout")->value(), 0.0);
        QCOMPARE(editor_as<NumberField>(panel, "long_threshold")->value(), 0.1);
        QCOMPARE(editor_as<NumberField>(panel, "short_threshold")->value(), -0.1);
        QVERIFY(!editor_as<QCheckBox>(panel, "strategy_mode")->isChecked());
    }

    // The arrows (and Up/Down, and the wheel over a focused field) step within
    // the editor's range and never show a binary fraction's tail.
    void paramsArrowsStepWithinTheEditorRange() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        auto* de = editor_as<NumberField>(panel, "De");
        QCOMPARE(de->minimum(), 0.0);
        QCOMPARE(de->maximum(), 100.0);
        de->setValue(99.995);
        QTest::keyClick(de, Qt::Key_Up);
        QCOMPARE(de->text(), QStringLiteral("100.0"));
        QTest::keyClick(de, Qt::Key_Up);
        QCOMPARE(de->text(), QStringLiteral("100.0"));
        auto* hma_w = editor_as<NumberField>(panel, "hma_w");
        QVERIFY(hma_w->minimum() > 0.0);
        hma_w->setValue(hma_w->minimum());
        QTest::keyClick(hma_w, Qt::Key_Down);
        QCOMPARE(hma_w->value(), hma_w->minimum());
        auto* cutout = editor_as<NumberField>(panel, "cutout");
        QCOMPARE(cutout->minimum(), 0.0);
        QTest::keyClick(cutout, Qt::Key_Down);
        QCOMPARE(cutout->text(), QStringLiteral("0"));
        auto* kama = editor_as<NumberField>(panel, "kama_len");
        QCOMPARE(kama->minimum(), 1.0);
        QCOMPARE(kama->maximum(), double{kMaxLength});
        QTest::keyClick(kama, Qt::Key_Up);
        QCOMPARE(kama->text(), QStringLiteral("29"));
        auto* la = editor_as<NumberField>(panel, "La");
        la->setValue(0.1);
        QTest::keyClick(la, Qt::Key_Up);
        QCOMPARE(la->text(), QStringLiteral("0.11"));  // not 0.11000000000000001
        QCOMPARE(panel.params().lambda, 0.11);
    }

    void paramsEditorForEveryTableRow() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        for (const ParamDescriptor& param : param_table()) {
            const QString key = QString::fromUtf8(param.key);
            QWidget* editor = panel.editor(key);
            QVERIFY2(editor != nullptr, qPrintable(key));
            QCOMPARE(editor->objectName(), key);
            QVERIFY(panel.findChild<QLabel*>(QStringLiteral("message_") + key) != nullptr);
            // Help, key and default come from the table.
            QVERIFY2(editor->toolTip().startsWith(QString::fromUtf8(param.help)),
                     qPrintable(editor->toolTip()));
            QVERIFY2(
                editor->toolTip().contains(
                    QStringLiteral("key: %1; default %2")
                        .arg(key, QString::fromStdString(param_value_text(param, AtcParams{})))),
                qPrintable(editor->toolTip()));
            switch (param.type()) {
                case ParamType::Integer:
                case ParamType::Number:
                    QCOMPARE(qobject_cast<NumberField*>(editor)->minimum(), param.min);
                    QCOMPARE(qobject_cast<NumberField*>(editor)->maximum(), param.max);
                    QCOMPARE(qobject_cast<NumberField*>(editor)->singleStep(), param.step);
                    break;
                case ParamType::Choice:
                    QCOMPARE(qobject_cast<QComboBox*>(editor)->count(),
                             static_cast<int>(param.choices.size()));
                    break;
                case ParamType::Flag:
                    QCOMPARE(qobject_cast<QCheckBox*>(editor)->text(),
                             QString::fromUtf8(param.label));
                    break;
            }
        }
        QVERIFY(panel.editor(QStringLiteral("ema_length")) == nullptr);
        QCOMPARE(editor_as<QComboBox>(panel, "robustness")->itemText(2),
                 QStringLiteral("Wide  (±1, 3, 5, 7)"));
    }

    void paramsEditEmitsNewParams() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        std::vector<AtcParams> emitted;
        connect(&panel, &ParamsPanel::paramsEdited, this,
                [&](const AtcParams& p) { emitted.push_back(p); });

        editor_as<NumberField>(panel, "hull_len")->setValue(40);
        QCOMPARE(emitted.size(), std::size_t{1});
        AtcParams expected;
        expected.lengths[1] = 40;
        QCOMPARE(emitted.back(), expected);
        QCOMPARE(panel.params(), expected);

        editor_as<NumberField>(panel, "dema_w")->setValue(2.5);
        expected.weights[3] = 2.5;
        QCOMPARE(emitted.back(), expected);

        editor_as<NumberField>(panel, "La")->setValue(0.5);
        editor_as<NumberField>(panel, "De")->setValue(1.25);
        editor_as<NumberField>(panel, "cutout")->setValue(30);
        auto* robustness = editor_as<QComboBox>(panel, "robustness");
        robustness->setCurrentIndex(robustness->findData(static_cast<int>(Robustness::Wide)));
        auto* profile = editor_as<QComboBox>(panel, "profile");
        profile->setCurrentIndex(profile->findData(static_cast<int>(MaProfile::Pine)));
        editor_as<QCheckBox>(panel, "strategy_mode")->setChecked(true);
        expected.lambda = 0.5;
        expected.decay = 1.25;
        expected.cutout = 30;
        expected.robustness = Robustness::Wide;
        expected.profile = MaProfile::Pine;
        expected.strategy_mode = true;
        QCOMPARE(emitted.size(), std::size_t{8});
        QCOMPARE(emitted.back(), expected);

        // Typing goes through the same path once entered.
        enter(panel, "ema_len", QStringLiteral("35"));
        QCOMPARE(emitted.back().lengths[0], 35);

        // Defaults: shown and emitted.
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("defaultsButton")),
                          Qt::LeftButton);
        QCOMPARE(emitted.back(), AtcParams{});
        QCOMPARE(panel.params(), AtcParams{});
        QCOMPARE(editor_as<NumberField>(panel, "hull_len")->value(), 28);
    }

    void paramsInvalidLengthShowsSpecMessageAndEmitsNothing() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        panel.setTheme(lightTheme());
        panel.show();
        std::vector<AtcParams> emitted;
        connect(&panel, &ParamsPanel::paramsEdited, this,
                [&](const AtcParams& p) { emitted.push_back(p); });

        auto* hull = editor_as<NumberField>(panel, "hull_len");
        hull->setValue(6);  // Medium needs at least 7
        QVERIFY(emitted.empty());
        QVERIFY(!panel.isValid());
        QCOMPARE(panel.params(), AtcParams{});  // the last valid parameters
        AtcParams bad;
        bad.lengths[1] = 6;
        const std::vector<ParamIssue> issues = check_params(bad);
        QCOMPARE(issues.size(), std::size_t{1});
        QCOMPARE(panel.messageFor(QStringLiteral("hull_len")),
                 QString::fromStdString(issues[0].message));
        QVERIFY(
            panel.messageFor(QStringLiteral("hull_len")).contains(QStringLiteral("7 to 100000")));
        auto* label = panel.findChild<QLabel*>(QStringLiteral("message_hull_len"));
        QVERIFY(label != nullptr);
        QVERIFY(label->isVisible());
        QCOMPARE(label->palette().color(QPalette::WindowText), lightTheme().danger);
        QVERIFY(panel.messageFor(QStringLiteral("ema_len")).isEmpty());
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("invalidNotice"))->isVisible());
        // Presets are not saved from invalid editors.
        QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("savePresetButton"))->isEnabled());
        QVERIFY(!panel.savePreset(QStringLiteral("broken")));

        hull->setValue(7);
        QVERIFY(panel.messageFor(QStringLiteral("hull_len")).isEmpty());
        QVERIFY(!label->isVisible());
        QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("invalidNotice"))->isVisible());
        QVERIFY(panel.isValid());
        QCOMPARE(emitted.size(), std::size_t{1});
        QCOMPARE(emitted.back().lengths[1], 7);

        // Back to the value it had before the error: still a change, emitted.
        hull->setValue(3);
        hull->setValue(7);
        QCOMPARE(emitted.size(), std::size_t{2});

        // Robustness raises the minimum: 7 is too short for Wide (8).
        auto* robustness = editor_as<QComboBox>(panel, "robustness");
        robustness->setCurrentIndex(robustness->findData(static_cast<int>(Robustness::Wide)));
        QVERIFY(panel.messageFor(QStringLiteral("hull_len")).contains(QStringLiteral("Wide")));
        QCOMPARE(emitted.size(), std::size_t{2});
        robustness->setCurrentIndex(robustness->findData(static_cast<int>(Robustness::Narrow)));
        QVERIFY(panel.messageFor(QStringLiteral("hull_len")).isEmpty());
        QCOMPARE(emitted.size(), std::size_t{3});
        QCOMPARE(emitted.back().robustness, Robustness::Narrow);
    }

    void paramsThresholdOrderShowsMessage() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        std::vector<AtcParams> emitted;
        connect(&panel, &ParamsPanel::paramsEdited, this,
                [&](const AtcParams& p) { emitted.push_back(p); });

        editor_as<NumberField>(panel, "long_threshold")->setValue(-0.2);
        QVERIFY(emitted.empty());
        const QString message = panel.messageFor(QStringLiteral("long_threshold"));
        QVERIFY2(message.contains(QStringLiteral("must be greater than short_threshold")),
                 qPrintable(message));
        AtcParams bad;
        bad.long_threshold = -0.2;
        QCOMPARE(message, QString::fromStdString(check_params(bad).at(0).message));

        editor_as<NumberField>(panel, "short_threshold")->setValue(-0.3);
        QVERIFY(panel.messageFor(QStringLiteral("long_threshold")).isEmpty());
        QCOMPARE(emitted.size(), std::size_t{1});
        QCOMPARE(emitted.back().long_threshold, -0.2);
        QCOMPARE(emitted.back().short_threshold, -0.3);
    }

    void paramsSetParamsShowsWithoutEmitting() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        QSignalSpy spy(&panel, &ParamsPanel::paramsEdited);
        AtcParams p;
        p.lengths = {10, 20, 30, 40, 50, 60};
        p.weights = {0.5, 1.5, 2.0, 1.0, 0.25, 3.0};
        p.lambda = 0.0123;
        p.decay = 0.5;
        p.cutout = 12;
        p.long_threshold = 0.25;
        p.short_threshold = -0.35;
        p.robustness = Robustness::Narrow;
        p.profile = MaProfile::Pine;
        p.strategy_mode = true;
        panel.setParams(p);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(panel.params(), p);  // every field round-trips through its editor
        QCOMPARE(editor_as<NumberField>(panel, "La")->text(), QStringLiteral("0.0123"));

        // Invalid input (a hand-edited session) is shown with its message, not clamped.
        AtcParams bad = p;
        bad.cutout = -5;
        bad.weights[2] = 0.0;
        panel.setParams(bad);
        QCOMPARE(editor_as<NumberField>(panel, "cutout")->value(), -5);
        QVERIFY(!panel.messageFor(QStringLiteral("cutout")).isEmpty());
        QVERIFY(!panel.messageFor(QStringLiteral("wma_w")).isEmpty());
        QCOMPARE(panel.params(), p);
        QCOMPARE(spy.count(), 0);
    }

    // Typing "-0.5" into Long threshold passes "-0" and "-0.", numbers the
    // threshold may take: neither is applied, only the entry is judged, and
    // it is refused whole (below the short threshold).
    void paramsTypingAppliesOnlyWholeEntries() {
        RecordedPanel recorded(fresh(QStringLiteral("settings.ini")));
        ParamsPanel& panel = recorded.panel;
        const std::vector<AtcParams>& emitted = recorded.emitted;
        show_active(panel);
        const QString key = QStringLiteral("long_threshold");
        QLabel* notice = recorded.notice();

        NumberField* field = type_into(panel, "long_threshold", QString());
        for (const QChar c : QStringLiteral("-0.5")) {
            QTest::keyClicks(field, QString(c));
            QTest::qWait(30);  // a quick typist, timers running
            QVERIFY(emitted.empty());
            QCOMPARE(panel.params(), AtcParams{});
            QVERIFY(panel.messageFor(key).isEmpty());
        }
        QTest::keyClick(field, Qt::Key_Enter);
        AtcParams bad;
        bad.long_threshold = -0.5;
        QCOMPARE(panel.messageFor(key), spec_message(bad, "long_threshold"));
        QVERIFY(notice->isVisible());
        QCOMPARE(field->text(), QStringLiteral("-0.5"));
        QVERIFY(emitted.empty());
        QCOMPARE(panel.params(), AtcParams{});

        // A pause in typing enters a valid number, as Enter would.
        type_into(panel, "long_threshold", QStringLiteral("0.3"));
        QVERIFY(emitted.empty());
        QTRY_COMPARE_WITH_TIMEOUT(emitted.size(), std::size_t{1}, 5000);
        QCOMPARE(emitted.back().long_threshold, 0.3);
        QVERIFY(panel.messageFor(key).isEmpty());
        QVERIFY(!notice->isVisible());

        // So does leaving the field, at once.
        type_into(panel, "long_threshold", QStringLiteral("0.25"));
        QVERIFY(emitted.size() == 1);
        QTest::mouseClick(editor_as<NumberField>(panel, "De"), Qt::LeftButton);
        QCOMPARE(emitted.size(), std::size_t{2});
        QCOMPARE(emitted.back().long_threshold, 0.25);
        QCOMPARE(panel.params().long_threshold, 0.25);
    }

    // What the user typed stays in the field, refused with the spec's message:
    // never 15 for 150, never 5 for -5, never the old value for "-".
    void paramsTypedValuesAreKeptAndRefused() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        panel.setTheme(lightTheme());
        show_active(panel);
        QSignalSpy spy(&panel, &ParamsPanel::paramsEdited);
        auto* notice = panel.findChild<QLabel*>(QStringLiteral("invalidNotice"));

        NumberField* de = enter(panel, "De", QStringLiteral("150"));
        QCOMPARE(de->text(), QStringLiteral("150"));
        AtcParams bad;
        bad.decay = 150;
        QCOMPARE(panel.messageFor(QStringLiteral("De")), spec_message(bad, "De"));
        QVERIFY(
            panel.messageFor(QStringLiteral("De")).contains(QStringLiteral("allowed 0 to 100")));
        QCOMPARE(de->palette().color(QPalette::Text), lightTheme().danger);
        QVERIFY(notice->isVisible());

        NumberField* ema = enter(panel, "ema_len", QStringLiteral("-5"));
        QCOMPARE(ema->text(), QStringLiteral("-5"));
        bad.lengths[0] = -5;
        QCOMPARE(panel.messageFor(QStringLiteral("ema_len")), spec_message(bad, "ema_len"));

        NumberField* cutout = enter(panel, "cutout", QStringLiteral("2.5"));
        QCOMPARE(cutout->text(), QStringLiteral("2.5"));
        QCOMPARE(panel.messageFor(QStringLiteral("cutout")), text_message("cutout", "2.5"));

        // Unfinished, then left: kept as typed, and said to be no number.
        NumberField* la = type_into(panel, "La", QStringLiteral("-"));
        QTest::mouseClick(de, Qt::LeftButton);
        QCOMPARE(la->text(), QStringLiteral("-"));
        QCOMPARE(panel.messageFor(QStringLiteral("La")), text_message("La", "-"));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(panel.params(), AtcParams{});

        // Fixed one by one: applied once all are whole, valid values.
        enter(panel, "De", QStringLiteral("15"));
        enter(panel, "ema_len", QStringLiteral("35"));
        enter(panel, "cutout", QStringLiteral("3"));
        QCOMPARE(spy.count(), 0);
        enter(panel, "La", QStringLiteral("-0.05"));
        QCOMPARE(spy.count(), 1);
        AtcParams fixed;
        fixed.decay = 15;
        fixed.lengths[0] = 35;
        fixed.cutout = 3;
        fixed.lambda = -0.05;
        QCOMPARE(panel.params(), fixed);
        QVERIFY(!notice->isVisible());
    }

    // A cutout beyond the symbol's bars is marked in its field, like any
    // invalid value, before the engine would refuse it.
    void paramsCutoutBeyondTheSeriesIsMarked() {
        RecordedPanel recorded(fresh(QStringLiteral("settings.ini")));
        ParamsPanel& panel = recorded.panel;
        const std::vector<AtcParams>& emitted = recorded.emitted;
        show_active(panel);
        QLabel* notice = recorded.notice();
        panel.setBarCount(2000);
        QVERIFY(emitted.empty());

        enter(panel, "cutout", QStringLiteral("5000"));
        AtcParams beyond;
        beyond.cutout = 5000;
        const QString message = panel.messageFor(QStringLiteral("cutout"));
        QCOMPARE(message, spec_message(beyond, "cutout", 2000));
        QVERIFY2(message.contains(QStringLiteral("at most 1999")), qPrintable(message));
        QVERIFY(notice->isVisible());
        QVERIFY(emitted.empty());
        QCOMPARE(panel.params(), AtcParams{});

        // A longer symbol takes it: applied as it is.
        panel.setBarCount(6000);
        QVERIFY(panel.messageFor(QStringLiteral("cutout")).isEmpty());
        QCOMPARE(emitted.size(), std::size_t{1});
        QCOMPARE(emitted.back(), beyond);
        panel.setBarCount(2000);
        QCOMPARE(panel.messageFor(QStringLiteral("cutout")), message);
        QCOMPARE(emitted.size(), std::size_t{1});

        // La whose growth overflows on this many bars, the same way.
        enter(panel, "cutout", QStringLiteral("0"));
        enter(panel, "La", QStringLiteral("400"));
        AtcParams steep;
        steep.lambda = 400;
        QCOMPARE(panel.messageFor(QStringLiteral("La")), spec_message(steep, "La", 2000));
        QVERIFY(!panel.messageFor(QStringLiteral("La")).isEmpty());
        QCOMPARE(panel.params(), AtcParams{});
    }

    // Scrolling the dock with the wheel changes no field it passes over; a
    // field takes the wheel once clicked into.
    void paramsWheelScrollsPastUnfocusedFields() {
        QSettings settings(fresh(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ParamsPanel panel(settings);
        panel.resize(360, 260);  // a short dock: it scrolls
        show_active(panel);
        QSignalSpy spy(&panel, &ParamsPanel::paramsEdited);
        auto* scroll = panel.findChild<QScrollArea*>();
        QScrollBar* bar = scroll->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);

        auto* weight = editor_as<NumberField>(panel, "hma_w");
        QCOMPARE(bar->value(), 0);
        atc::test::turnWheel(weight, -1);
        QVERIFY(bar->value() > 0);
        QVERIFY(!weight->hasFocus());
        // Eight notches down wherever the pointer rests, boxes passing under it.
        for (int notch = 0; notch < 8; ++notch)
            atc::test::turnWheel(scroll->viewport(), -1);
        QCOMPARE(bar->value(), bar->maximum());
        auto* robustness = editor_as<QComboBox>(panel, "robustness");
        scroll->ensureWidgetVisible(robustness);
        const int at = bar->value();
        atc::test::turnWheel(robustness, 1);
        QVERIFY(bar->value() < at);
        QCOMPARE(robustness->currentData().toInt(), static_cast<int>(Robustness::Medium));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(panel.params(), AtcParams{});
        QCOMPARE(weight->text(), QStringLiteral("1.0"));

        // Clicked into, the field steps and the dock stays.
        scroll->ensureWidgetVisible(weight);
        QTest::mouseClick(weight, Qt::LeftButton);
        QVERIFY(weight->hasFocus());
        const int still = bar->value();
        atc::test::turnWheel(weight, 1);
        QCOMPARE(bar->value(), still);
        QCOMPARE(weight->text(), QStringLiteral("1.1"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(panel.params().weights[1], 1.1);
    }

    // Every spin box and combo box of the application, not only the panel's:
    // the wheel scrolls past them until one is clicked into.
    void wheelGuardCoversEveryBox() {
        QScrollArea area;
        auto* content = new QWidget;
        auto* column = new QVBoxLayout(content);
        auto* spin = new QSpinBox;
        auto* real = new QDoubleSpinBox;
        auto* combo = new QComboBox;
        combo->addItems({QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")});
        combo->setCurrentIndex(1);
        for (QWidget* box : std::initializer_list<QWidget*>{spin, real, combo})
            column->addWidget(box);
        column->addSpacing(2000);
        area.setWidget(content);
        area.setWidgetResizable(true);
        area.resize(240, 200);
        show_active(area);
        area.setFocus();  // not the first box, which a new window focuses
        QScrollBar* bar = area.verticalScrollBar();
        for (QWidget* box : std::initializer_list<QWidget*>{spin, real, combo}) {
            QCOMPARE(box->focusPolicy(), Qt::StrongFocus);  // the wheel gives no focus
            bar->setValue(0);
            atc::test::turnWheel(box, -1);
            QVERIFY2(bar->value() > 0, qPrintable(box->metaObject()->className()));
        }
        QCOMPARE(spin->value(), 0);
        QCOMPARE(real->value(), 0.0);
        QCOMPARE(combo->currentIndex(), 1);
        bar->setValue(0);
        QTest::mouseClick(spin, Qt::LeftButton);
        atc::test::turnWheel(spin, 1);
        QCOMPARE(spin->value(), 1);
        QCOMPARE(bar->value(), 0);
    }

    void presetsSaveLoadDeleteAndSurviveRestart() {
        const QString file = fresh(QStringLiteral("settings.ini"));
        AtcParams trend;
        trend.lengths = {50, 50, 50, 50, 50, 50};
        trend.lambda = 0.05;
        trend.robustness = Robustness::Wide;
        {
            QSettings settings(file, QSettings::IniFormat);
            ParamsPanel panel(settings);
            QVERIFY(panel.presetNames().isEmpty());
            panel.setParams(trend);
            QVERIFY(panel.savePreset(QStringLiteral("Trend 50")));
            panel.restoreDefaults();
            QVERIFY(panel.savePreset(QStringLiteral("defaults")));
            QVERIFY(!panel.savePreset(QStringLiteral("a/b")));
            QVERIFY(!panel.savePreset(QStringLiteral("  ")));
            QCOMPARE(panel.presetNames(),
                     (QStringList{QStringLiteral("defaults"), QStringLiteral("Trend 50")}));
            auto* combo = panel.findChild<QComboBox*>(QStringLiteral("presetCombo"));
            QCOMPARE(combo->count(), 2);

            QSignalSpy spy(&panel, &ParamsPanel::paramsEdited);
            QVERIFY(panel.loadPreset(QStringLiteral("Trend 50")));
            QCOMPARE(spy.count(), 1);
            QCOMPARE(panel.params(), trend);
            QCOMPARE(editor_as<NumberField>(panel, "lsma_len")->value(), 50);
            QCOMPARE(combo->currentText(), QStringLiteral("Trend 50"));
            // Editing leaves the preset: the combo no longer claims it.
            editor_as<NumberField>(panel, "lsma_len")->setValue(51);
            QCOMPARE(combo->currentIndex(), -1);
            QVERIFY(!panel.loadPreset(QStringLiteral("missing")));
        }
        // The value is exactly the params.json text, readable by `atc compute --params`.
        {
            QSettings raw(file, QSettings::IniFormat);
            QCOMPARE(raw.value(QStringLiteral("presets/Trend 50")).toString(),
                     QString::fromStdString(params_to_json(trend)));
            raw.setValue(QStringLiteral("presets/broken"), QStringLiteral("{\"ema_len\": oops"));
            raw.setValue(QStringLiteral("presets/too short"), QStringLiteral("{\"ema_len\": 3}"));
        }
        {
            // A new instance (a restart) sees them; the broken ones are skipped with a warning.
            WarningCatcher warnings;
            QSettings settings(file, QSettings::IniFormat);
            ParamsPanel panel(settings);
            QVERIFY(warnings.contains(QStringLiteral("broken")));
            QVERIFY(warnings.contains(QStringLiteral("too short")));
            auto* combo = panel.findChild<QComboBox*>(QStringLiteral("presetCombo"));
            QCOMPARE(combo->count(), 2);
            QCOMPARE(panel.presetNames(),
                     (QStringList{QStringLiteral("defaults"), QStringLiteral("Trend 50")}));

            std::vector<AtcParams> emitted;
            connect(&panel, &ParamsPanel::paramsEdited, this,
                    [&](const AtcParams& p) { emitted.push_back(p); });
            // Choosing it in the combo (as a user does) loads and emits.
            emit combo->activated(combo->findText(QStringLiteral("Trend 50")));
            QCOMPARE(emitted.size(), std::size_t{1});
            QCOMPARE(emitted.back(), trend);

            QVERIFY(panel.deletePreset(QStringLiteral("Trend 50")));
            QCOMPARE(panel.presetNames(), QStringList{QStringLiteral("defaults")});
            QCOMPARE(combo->count(), 1);
            QVERIFY(!panel.deletePreset(QStringLiteral("Trend 50")));
        }
        {
            WarningCatcher warnings;
            QSettings settings(file, QSettings::IniFormat);
            ParamsPanel panel(settings);
            QCOMPARE(panel.presetNames(), QStringList{QStringLiteral("defaults")});
            QSignalSpy spy(&panel, &ParamsPanel::paramsEdited);
            QVERIFY(!panel.loadPreset(QStringLiteral("broken")));  // never crashes
            QCOMPARE(spy.count(), 0);
            QCOMPARE(panel.params(), AtcParams{});
            QVERIFY(warnings.contains(QStringLiteral("broken")));
        }
    }

    // ---- WatchlistPanel ----------------------------------------------------

    void watchlistListsStoreInOrder() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        QVERIFY(panel.storeError().isEmpty());
        const QStringList expected = names_of(snapshot(db).names);
        QCOMPARE(expected, (QStringList{QStringLiteral("ZED"), QStringLiteral("Alpha"),
                                        QStringLiteral("GEN-0001"), QStringLiteral("GEN-0002")}));
        QCOMPARE(panel.symbols(), expected);
        QCOMPARE(panel.visibleSymbols(), expected);
        QCOMPARE(panel.firstSymbol(), QStringLiteral("ZED"));
        const QAbstractItemModel* model = panel.view()->model();
        QCOMPARE(model->columnCount(), 9);
        const auto cell = [model](int row, int column) {
            return model->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, SymbolListModel::BarsColumn), QStringLiteral("120"));
        QCOMPARE(cell(0, SymbolListModel::TimeframeColumn), QStringLiteral("1d"));
        QCOMPARE(cell(0, SymbolListModel::LastBarColumn),
                 QStringLiteral("2024-03-12"));  // 119 days after 2023-11-14
        QCOMPARE(cell(0, SymbolListModel::KindColumn), QStringLiteral("imported"));
        QCOMPARE(cell(3, SymbolListModel::KindColumn), QStringLiteral("generated"));
        panel.setTheme(lightTheme());
        QCOMPARE(
            model->index(3, SymbolListModel::KindColumn).data(Qt::ForegroundRole).value<QColor>(),
            lightTheme().muted_text);
    }

    // "Last" is the last close, a price: grouped from 1,000 up, with its
    // significant digits below 1; the date of the last bar is "Last bar".
    void watchlistShowsTheLastClose() {
        const fs::path db = fresh_path(QStringLiteral("prices.sqlite"));
        {
            store::Database database = store::Database::open(db);
            store::SymbolStore symbols(database);
            PriceSeries index = make_bars(1'200, 4'000.0);
            index.close.back() = 4'123.456;
            symbols.save(meta("INDEX", store::SymbolKind::Imported, 0), index);
            PriceSeries penny = make_bars(30, 0.5);
            penny.close.back() = 0.0001234;
            symbols.save(meta("PENNY", store::SymbolKind::Imported, 1), penny);
        }
        WatchlistPanel panel(db);
        panel.resize(panel.sizeHint().width(), 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QAbstractItemModel* model = panel.view()->model();
        const auto title = [model](int column) {
            return model->headerData(column, Qt::Horizontal).toString();
        };
        QCOMPARE(title(SymbolListModel::LastCloseColumn), QStringLiteral("Last"));
        QCOMPARE(title(SymbolListModel::LastBarColumn), QStringLiteral("Last bar"));
        const auto cell = [model](int row, int column) {
            return model->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, SymbolListModel::NameColumn), QStringLiteral("INDEX"));
        QCOMPARE(cell(0, SymbolListModel::LastCloseColumn), QStringLiteral("4,123.46"));
        QCOMPARE(cell(0, SymbolListModel::BarsColumn), QStringLiteral("1,200"));
        QCOMPARE(cell(1, SymbolListModel::LastCloseColumn), QStringLiteral("0.0001234"));
        // Both shown in full: the dock opens wide enough for every column.
        const QTableView* view = panel.view();
        for (int row : {0, 1}) {
            const QModelIndex close = model->index(row, SymbolListModel::LastCloseColumn);
            QVERIFY(view->visualRect(close).width() >= view->sizeHintForIndex(close).width());
        }
    }

    // "Chg %" is the last close against the one before, as a signed percentage
    // from the store's last two closes; a symbol of one bar has none. A click
    // on its header puts the gainers first, the next click the losers, the
    // third goes back to the store's order; unknown changes stay last.
    void watchlistShowsAndSortsTheChangeOfTheLastBar() {
        const fs::path db = fresh_path(QStringLiteral("changes.sqlite"));
        const std::vector<std::pair<std::string, std::pair<double, double>>> closes{
            {"FLAT", {250.0, 250.0}},
            {"UP", {4'100.0, 4'123.456}},
            {"DOWN", {0.5, 0.4875}},
        };
        {
            store::Database database = store::Database::open(db);
            store::SymbolStore symbols(database);
            int order = 0;
            for (const auto& [name, last_two] : closes) {
                PriceSeries bars = make_bars(40, 100.0);
                bars.close[bars.close.size() - 2] = last_two.first;
                bars.close.back() = last_two.second;
                symbols.save(meta(name, store::SymbolKind::Imported, order++), bars);
            }
            symbols.save(meta("ONE", store::SymbolKind::Imported, order), make_bars(1, 100.0));
        }
        WatchlistPanel panel(db);
        panel.resize(panel.sizeHint().width(), 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QAbstractItemModel* model = panel.view()->model();
        QCOMPARE(model->headerData(SymbolListModel::ChangeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Chg %"));
        const auto change_of = [&](const QString& name) {
            const int row = static_cast<int>(panel.visibleSymbols().indexOf(name));
            return model->index(row, SymbolListModel::ChangeColumn).data().toString();
        };
        for (const auto& [name, last_two] : closes) {
            const double percent = (last_two.second / last_two.first - 1.0) * 100.0;
            // Signed, with a real minus sign (U+2212), unsigned when it shows as zero.
            const QString digits = QString::number(std::abs(percent), 'f', 2);
            const QString sign = digits.toDouble() == 0.0 ? QString()
                                 : percent > 0.0          ? QStringLiteral("+")
                                                          : QStringLiteral("\u2212");
            const QString expected = sign + digits + QStringLiteral(" %");
            QCOMPARE(change_of(QString::fromStdString(name)), expected);
        }
        QCOMPARE(change_of(QStringLiteral("UP")), QStringLiteral("+0.57 %"));
        QCOMPARE(change_of(QStringLiteral("DOWN")), QStringLiteral("\u22122.50 %"));
        QCOMPARE(change_of(QStringLiteral("ONE")), QStringLiteral("—"));
        const QStringList store_order{QStringLiteral("FLAT"), QStringLiteral("UP"),
                                      QStringLiteral("DOWN"), QStringLiteral("ONE")};
        QCOMPARE(panel.visibleSymbols(), store_order);

        panel.selectSymbol(QStringLiteral("DOWN"));
        gui_test::click_header(panel.view(), SymbolListModel::ChangeColumn);
        QCOMPARE(panel.visibleSymbols(),
                 (QStringList{QStringLiteral("UP"), QStringLiteral("FLAT"), QStringLiteral("DOWN"),
                              QStringLiteral("ONE")}));
        gui_test::click_header(panel.view(), SymbolListModel::ChangeColumn);
        QCOMPARE(panel.visibleSymbols(),
                 (QStringList{QStringLiteral("DOWN"), QStringLiteral("FLAT"), QStringLiteral("UP"),
                              QStringLiteral("ONE")}));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("DOWN"));  // the selection follows
        gui_test::click_header(panel.view(), SymbolListModel::ChangeColumn);
        QCOMPARE(panel.visibleSymbols(), store_order);
    }

    // A refreshed list (after an import or an update) keeps the ATC answers
    // of the symbols whose bars were not saved again; the others are empty
    // until the background fill answers them.
    void watchlistRefreshKeepsTheAnswersOfUnchangedSymbols() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        SymbolListModel* model = panel.model();
        SymbolSignal answer;
        answer.average = 0.5;
        answer.zone = Direction::Long;
        model->setSignals({{QStringLiteral("ZED"), answer}, {QStringLiteral("Alpha"), answer}});
        const QAbstractItemModel* shown = panel.view()->model();
        const auto average_of = [&](const QString& name) {
            const int row = static_cast<int>(panel.visibleSymbols().indexOf(name));
            return shown->index(row, SymbolListModel::AverageColumn).data().toString();
        };
        QCOMPARE(average_of(QStringLiteral("ZED")), QStringLiteral("▲ +0.500"));
        QCOMPARE(average_of(QStringLiteral("GEN-0001")), QString());  // not answered yet
        QTest::qWait(5);  // a later save time for the re-imported symbol
        {
            store::Database database = store::Database::open(db);
            store::SymbolStore(database).save(meta("Alpha", store::SymbolKind::Imported, 1),
                                              make_bars(60, 20.0));
        }
        panel.refresh();
        QCOMPARE(average_of(QStringLiteral("ZED")), QStringLiteral("▲ +0.500"));
        QCOMPARE(average_of(QStringLiteral("Alpha")), QString());
    }

    // The narrow dock shows the trading columns; bars, last bar and kind (also
    // in the name's tooltip) come back from the header's right-click menu.
    void watchlistColumnsAreChosenFromTheHeaderMenu() {
        WatchlistPanel panel(seeded_store());
        QHeaderView* header = panel.view()->horizontalHeader();
        for (const int hidden : {SymbolListModel::BarsColumn, SymbolListModel::LastBarColumn,
                                 SymbolListModel::KindColumn})
            QVERIFY(header->isSectionHidden(hidden));
        for (const int shown :
             {SymbolListModel::NameColumn, SymbolListModel::LastCloseColumn,
              SymbolListModel::ChangeColumn, SymbolListModel::AverageColumn,
              SymbolListModel::SinceEntryColumn, SymbolListModel::TimeframeColumn})
            QVERIFY(!header->isSectionHidden(shown));
        QMenu* menu = panel.columnMenu();
        QCOMPARE(menu->actions().size(), SymbolListModel::kColumnCount - 1);  // all but Symbol
        const auto action = [menu](const QString& text) {
            const QList<QAction*> all = menu->actions();
            const auto found =
                std::find_if(all.begin(), all.end(), [&](QAction* a) { return a->text() == text; });
            return found == all.end() ? nullptr : *found;
        };
        QAction* bars = action(QStringLiteral("Bars"));
        QVERIFY(bars && !bars->isChecked());
        bars->trigger();
        QVERIFY(!header->isSectionHidden(SymbolListModel::BarsColumn));
        QAction* change = action(QStringLiteral("Chg %"));
        QVERIFY(change && change->isChecked());
        change->trigger();
        QVERIFY(header->isSectionHidden(SymbolListModel::ChangeColumn));
        delete menu;
    }

    void watchlistFilterNarrowsCaseInsensitively() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("gen"));
        QCOMPARE(panel.visibleSymbols(),
                 (QStringList{QStringLiteral("GEN-0001"), QStringLiteral("GEN-0002")}));
        panel.setFilterText(QStringLiteral("ALP"));
        QCOMPARE(panel.visibleSymbols(), QStringList{QStringLiteral("Alpha")});
        panel.setFilterText(QStringLiteral("nothing like it"));
        QVERIFY(panel.visibleSymbols().isEmpty());
        panel.filterEdit()->clear();
        QCOMPARE(panel.visibleSymbols().size(), 4);
    }

    void watchlistSelectionEmitsActivated() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        panel.resize(400, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy spy(&panel, &WatchlistPanel::symbolActivated);

        // Programmatic selection is silent (the caller knows) ...
        QVERIFY(panel.selectSymbol(QStringLiteral("Alpha")));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("Alpha"));
        QCOMPARE(spy.count(), 0);
        QVERIFY(!panel.selectSymbol(QStringLiteral("NOPE")));

        // ... keyboard and mouse are not.
        QTableView* view = panel.view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("GEN-0001"));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("GEN-0001"));

        const QRect first = view->visualRect(view->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("ZED"));

        // Filtering keeps the selection when the symbol stays visible, emits nothing.
        panel.setFilterText(QStringLiteral("z"));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("ZED"));
        panel.setFilterText(QString());
        QCOMPARE(panel.currentSymbol(), QStringLiteral("ZED"));
        QCOMPARE(spy.count(), 2);

        // Selecting a symbol hidden by the filter clears the filter.
        panel.setFilterText(QStringLiteral("gen"));
        QVERIFY(panel.selectSymbol(QStringLiteral("Alpha")));
        QVERIFY(panel.filterEdit()->text().isEmpty());
        QCOMPARE(panel.visibleSymbols().size(), 4);
    }

    void watchlistImportsGoodCsvOffTheGuiThread() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        QSignalSpy activated(&panel, &WatchlistPanel::symbolActivated);
        const fs::path csv = fresh_path(QStringLiteral("dir")) / "NEWSYM.csv";
        fs::create_directories(csv.parent_path());
        write_text(csv, daily_csv(40, 20.0));

        panel.importFiles({QString::fromStdString(csv.string())});
        // importFiles returned before the import finished: it runs on a worker.
        QVERIFY(panel.isImporting());
        QVERIFY(finished.wait(10000));
        QVERIFY(!panel.isImporting());
        QCOMPARE(finished.at(0).at(0).toStringList(), QStringList{QStringLiteral("NEWSYM")});
        QVERIFY(finished.at(0).at(1).toStringList().isEmpty());
        QVERIFY(panel.lastErrorDialog() == nullptr);

        QVERIFY(panel.symbols().contains(QStringLiteral("NEWSYM")));
        QCOMPARE(panel.symbols(), names_of(snapshot(db).names));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("NEWSYM"));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("NEWSYM"));
        store::Database conn = store::Database::connect(db);
        store::SymbolStore symbols(conn);
        QCOMPARE(symbols.load("NEWSYM").close.size(), std::size_t{40});
    }

    void watchlistRejectsBadCsvAndLeavesStoreUnchanged() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        panel.show();
        QVERIFY(panel.selectSymbol(QStringLiteral("ZED")));
        const StoreSnapshot before = snapshot(db);
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        QSignalSpy activated(&panel, &WatchlistPanel::symbolActivated);

        // A new file and one that would replace an existing symbol, both broken on line 3.
        const fs::path dir = fresh_path(QStringLiteral("bad"));
        fs::create_directories(dir);
        write_text(dir / "BROKEN.csv", daily_csv(30, 20.0, 3));
        write_text(dir / "Alpha.csv", daily_csv(30, 20.0, 3));
        panel.importFiles({QString::fromStdString((dir / "BROKEN.csv").string())});
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).toStringList().isEmpty());
        const QStringList errors = finished.at(0).at(1).toStringList();
        QCOMPARE(errors.size(), 1);

        QMessageBox* box = panel.lastErrorDialog();
        QVERIFY(box != nullptr);
        QVERIFY(box->isVisible());
        QCOMPARE(box->parent(), &panel);
        const QString text = box->text();
        QVERIFY2(text.contains(QStringLiteral("BROKEN.csv")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("line 3")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("close")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("abc")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Nothing was imported")), qPrintable(text));
        QVERIFY(QApplication::topLevelWidgets().contains(box));

        panel.importFiles({QString::fromStdString((dir / "Alpha.csv").string())});
        QVERIFY(finished.wait(10000));
        QVERIFY(panel.lastErrorDialog() != nullptr);
        QVERIFY(panel.lastErrorDialog()->text().contains(QStringLiteral("Alpha.csv, line 3")));

        QCOMPARE(snapshot(db), before);
        QCOMPARE(panel.symbols(), names_of(before.names));
        QCOMPARE(panel.currentSymbol(), QStringLiteral("ZED"));
        QCOMPARE(activated.count(), 0);
        panel.lastErrorDialog()->close();
    }

    void watchlistImportsDroppedFiles() {
        const fs::path db = seeded_store();
        WatchlistPanel panel(db);
        QSignalSpy finished(&panel, &WatchlistPanel::importFinished);
        const fs::path dir = fresh_path(QStringLiteral("drop"));
        fs::create_directories(dir);
        write_text(dir / "ONE.csv", daily_csv(30, 5.0));
        write_text(dir / "TWO.CSV", daily_csv(35, 6.0));
        write_text(dir / "notes.txt", "not prices");

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QString::fromStdString((dir / "ONE.csv").string())),
                      QUrl::fromLocalFile(QString::fromStdString((dir / "notes.txt").string())),
                      QUrl::fromLocalFile(QString::fromStdString((dir / "TWO.CSV").string()))});
        // Any local file is offered to the importer: the content decides.
        QCOMPARE(priceFilesOf(&mime).size(), 3);
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QApplication::sendEvent(&panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&panel, &drop);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("ONE"), QStringLiteral("TWO")}));
        QCOMPARE(finished.at(0).at(1).toStringList().size(), 1);  // notes.txt: not prices
        QCOMPARE(panel.currentSymbol(), QStringLiteral("TWO"));   // the last imported
        panel.lastErrorDialog()->close();

        // A drag with no local file (a web link) is refused.
        QMimeData web_only;
        web_only.setUrls({QUrl(QStringLiteral("https://example.com/prices.csv"))});
        QDragEnterEvent refuse(QPoint(5, 5), Qt::CopyAction, &web_only, Qt::LeftButton,
                               Qt::NoModifier);
        refuse.ignore();
        QApplication::sendEvent(&panel, &refuse);
        QVERIFY(!refuse.isAccepted());
    }

    // ---- FamilyTablePanel --------------------------------------------------

    // The app's results keep only the drawn series: the members' cells, read
    // from their last values, are those of the full result.
    void familyTableSameOnADrawnResult() {
        const auto full = dax_data(AtcParams{});
        auto lean = std::make_shared<SymbolData>();
        lean->name = full->name;
        lean->bars = full->bars;
        lean->result = std::make_shared<const AtcResult>(
            compute_symbol(lean->bars.close, AtcParams{}, KeptSeries::drawn()));
        FamilyTablePanel want;
        FamilyTablePanel got;
        want.setData(full);
        got.setData(lean);
        for (int row = 0; row < static_cast<int>(kFamilyCount); ++row) {
            for (int k = 0; k < static_cast<int>(kMembersPerFamily); ++k) {
                const int col = FamilyTablePanel::kFirstMemberColumn + k;
                QCOMPARE(got.cellText(row, col), want.cellText(row, col));
                QCOMPARE(got.cellColor(row, col), want.cellColor(row, col));
                QCOMPARE(got.cellToolTip(row, col), want.cellToolTip(row, col));
            }
        }
    }

    void familyTableShowsEngineLastValues() {
        const AtcParams params;
        const auto data = dax_data(params);
        const AtcResult& r = *data->result;
        const Theme theme = darkTheme();
        FamilyTablePanel panel;
        panel.setTheme(theme);
        panel.setData(data);

        const QStringList headers = {
            QStringLiteral("B"),       QStringLiteral("+1"),      QStringLiteral("+2"),
            QStringLiteral("+4"),      QStringLiteral("+6"),      QStringLiteral("\u22121"),
            QStringLiteral("\u22122"), QStringLiteral("\u22124"), QStringLiteral("\u22126")};
        for (int k = 0; k < 9; ++k) {
            QCOMPARE(panel.headerText(FamilyTablePanel::kFirstMemberColumn + k), headers[k]);
        }
        QVERIFY(panel.headerToolTip(FamilyTablePanel::kFirstMemberColumn + 4)
                    .contains(QStringLiteral("EMA 34")));

        int bull = 0;
        int bear = 0;
        for (const FamilyResult& f : r.families) {
            const int row = static_cast<int>(f.type);
            QCOMPARE(panel.cellText(row, FamilyTablePanel::kFamilyColumn),
                     QString::fromLatin1(family_name(f.type).data()));
            QCOMPARE(panel.cellColor(row, FamilyTablePanel::kFamilyColumn),
                     theme.familyColor(f.type));
            const double s = f.signal.back();
            const int trend =
                static_cast<int>(threshold_cut(s, params.long_threshold, params.short_threshold));
            QCOMPARE(panel.cellText(row, FamilyTablePanel::kTrendColumn),
                     trend > 0   ? QStringLiteral("Long")
                     : trend < 0 ? QStringLiteral("Short")
                                 : QStringLiteral("Flat"));
            QCOMPARE(panel.cellColor(row, FamilyTablePanel::kTrendColumn), theme.stateColor(trend));
            const QString signal = panel.cellText(row, FamilyTablePanel::kSignalColumn);
            QCOMPARE(signal.toDouble(), s);  // rounded to hundredths by the engine: exact
            QCOMPARE(panel.cellText(row, FamilyTablePanel::kWeightColumn),
                     groupedNumber(f.weight_equity.back(), 3));
            for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
                const MemberSeries& m = f.members[k];
                const int col = FamilyTablePanel::kFirstMemberColumn + static_cast<int>(k);
                QCOMPARE(panel.cellText(row, col), groupedNumber(m.equity.back(), 3));
                QCOMPARE(panel.cellColor(row, col), theme.stateColor(m.state.back()));
                QVERIFY(panel.cellToolTip(row, col).contains(QStringLiteral("(%1)").arg(m.length)));
                bull += m.state.back() > 0;
                bear += m.state.back() < 0;
            }
        }
        QVERIFY(bull > 0 && bear > 0);  // DAX's last bar has both: colours really vary
        QVERIFY(panel.captionText().contains(QStringLiteral("DAX")));
        QVERIFY(panel.captionText().contains(QStringLiteral("1,860 bars")));  // grouped

        // The light theme recolours everything.
        panel.setTheme(lightTheme());
        const FamilyResult& ema = r.family(MaType::EMA);
        QCOMPARE(panel.cellColor(0, FamilyTablePanel::kFirstMemberColumn),
                 lightTheme().stateColor(ema.members[0].state.back()));

        panel.setData(nullptr);
        QCOMPARE(panel.cellText(0, FamilyTablePanel::kSignalColumn), QStringLiteral("—"));
        QVERIFY(panel.multiplierText().isEmpty());
    }

    void familyTableWideHeaders() {
        AtcParams params;
        params.robustness = Robustness::Wide;
        params.lengths[0] = 20;
        FamilyTablePanel panel;
        panel.setData(dax_data(params));
        QCOMPARE(panel.headerText(FamilyTablePanel::kFirstMemberColumn + 2), QStringLiteral("+3"));
        QCOMPARE(panel.headerText(FamilyTablePanel::kFirstMemberColumn + 8),
                 QStringLiteral("\u22127"));
        QVERIFY(panel.cellToolTip(0, FamilyTablePanel::kFirstMemberColumn + 8)
                    .contains(QStringLiteral("EMA(13)")));
    }

    void familyTableMultiplierLevels_data() {
        QTest::addColumn<double>("la");
        QTest::addColumn<int>("cutout");
        QTest::addColumn<int>("level");
        QTest::newRow("default La") << 0.02 << 0 << static_cast<int>(GrowthLevel::Normal);
        QTest::newRow("amplified") << 0.08 << 0 << static_cast<int>(GrowthLevel::Warning);
        QTest::newRow("strongly amplified") << 0.2 << 0 << static_cast<int>(GrowthLevel::Strong);
        QTest::newRow("cutout tames it") << 0.2 << 1000 << static_cast<int>(GrowthLevel::Warning);
    }

    void familyTableMultiplierLevels() {
        QFETCH(double, la);
        QFETCH(int, cutout);
        QFETCH(int, level);
        AtcParams params;
        params.lambda = la;
        params.cutout = cutout;
        const auto data = dax_data(params);
        const Theme theme = lightTheme();
        FamilyTablePanel panel;
        panel.setTheme(theme);
        panel.setData(data);
        const double m = growth_multiplier(data->barCount() - 1, la / 1000.0, cutout);
        const QString text = panel.multiplierText();
        QVERIFY2(text.contains(QStringLiteral("×") + fmt(m, 3)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("e^(L·(bars − cutout))")));
        QCOMPARE(static_cast<int>(panel.multiplierLevel()), level);
        switch (static_cast<GrowthLevel>(level)) {
            case GrowthLevel::Normal:
                QVERIFY(m <= 1.1);
                QVERIFY(!text.contains(QStringLiteral("amplified")));
                QCOMPARE(panel.multiplierColor(), theme.text);
                break;
            case GrowthLevel::Warning:
                QVERIFY(m > 1.1 && m <= 1.25);
                QVERIFY(text.contains(QStringLiteral("equity growth is amplified")));
                QCOMPARE(panel.multiplierColor(), theme.warning);
                break;
            case GrowthLevel::Strong:
                QVERIFY(m > 1.25);
                QVERIFY(text.contains(QStringLiteral("strongly amplified")));
                QCOMPARE(panel.multiplierColor(), theme.danger);
                break;
        }
        auto* label = panel.findChild<QLabel*>(QStringLiteral("growthMultiplier"));
        // Drawn in the level's colour, darkened just enough to read where it is
        // faint (light theme orange on near-white).
        const QColor drawn = label->palette().color(QPalette::WindowText);
        QCOMPARE(drawn, readableOn(panel.multiplierColor(), theme.window, theme.text, 3.5));
        QVERIFY(contrastRatio(drawn, theme.window) >= 3.5);
        QVERIFY(label->toolTip().contains(QStringLiteral("smaller La")));
    }
};

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
