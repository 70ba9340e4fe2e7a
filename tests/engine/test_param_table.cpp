// SPDX-License-Identifier: GPL-3.0-or-later
// The parameter table: it reaches every AtcParams field exactly once, its keys
// are unique and are the keys params.json reads and writes, its defaults are
// AtcParams{}, and set_param / set_param_from_text (the coming `atc sweep`'s
// way in) set values or refuse them in the params.json reader's words.
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>

#include "atc/param_table.hpp"
#include "atc/params_json.hpp"
#include "params_to_string.hpp"

using namespace atc;

Q_DECLARE_METATYPE(std::string)

namespace {

// Every AtcParams member changed from its default, written without the table.
// The structured binding names all ten members: a new member breaks the build
// here until it is changed here too, and then defaultsReachEveryField fails
// until the table has a row for it.
AtcParams every_field_changed() {
    AtcParams p;
    auto& [lengths, weights, robustness, lambda, decay, cutout, long_threshold, short_threshold,
           strategy_mode, profile] = p;
    lengths = {10, 11, 12, 13, 14, 15};
    weights = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5};
    robustness = Robustness::Wide;
    lambda = 0.07;
    decay = 1.5;
    cutout = 9;
    long_threshold = 0.3;
    short_threshold = -0.4;
    strategy_mode = true;
    profile = MaProfile::Pine;
    return p;
}

// A valid value other than the default, by the parameter's type.
double other_value(const ParamDescriptor& param) {
    const double d = param.default_value();
    switch (param.type()) {
        case ParamType::Integer:
            return d + 1;
        case ParamType::Number:
            return d + param.step;
        case ParamType::Choice:
        case ParamType::Flag:
            break;
    }
    return std::fmod(d + 1, static_cast<double>(param.choices.size()));
}

const ParamDescriptor& param(std::string_view key) {
    const ParamDescriptor* found = find_param(key);
    if (found == nullptr)
        qFatal("no parameter %s", std::string(key).c_str());
    return *found;
}

// set_param_from_text must refuse `text` for `key` with exactly `message`,
// leaving the parameters as they were.
void expect_refused(std::string_view key, std::string_view text, const std::string& message) {
    AtcParams p;
    const auto issue = set_param_from_text(p, param(key), text);
    QVERIFY2(issue.has_value(), std::string(text).c_str());
    QCOMPARE(issue->key, std::string(key));
    QCOMPARE(issue->message, message);
    QCOMPARE(p, AtcParams{});
}

}  // namespace

class TestParamTable : public QObject {
    Q_OBJECT

private slots:
    // ---- the table ---------------------------------------------------------

    void keysAndLabelsAreUniqueAndEveryRowIsDescribed() {
        std::set<std::string_view> keys;
        std::set<std::string_view> labels;
        for (const ParamDescriptor& p : param_table()) {
            QVERIFY2(keys.insert(p.key).second, p.key.data());
            QVERIFY2(labels.insert(p.label).second, p.label.data());
            QVERIFY2(!p.key.empty() && !p.label.empty() && !p.help.empty(), p.key.data());
            QCOMPARE(find_param(p.key), &p);
        }
        QCOMPARE(keys.size(), std::size_t{20});
    }

    void choicesNameEveryValue() {
        for (const ParamDescriptor& p : param_table()) {
            switch (p.type()) {
                case ParamType::Integer:
                case ParamType::Number:
                    QVERIFY2(p.choices.empty() && p.choice_label == nullptr, p.key.data());
                    QVERIFY2(p.min < p.max && p.step > 0, p.key.data());
                    break;
                case ParamType::Choice:
                    QVERIFY2(p.choices.size() >= 2 && p.choice_label != nullptr, p.key.data());
                    break;
                case ParamType::Flag:
                    QCOMPARE(std::vector<std::string_view>(p.choices.begin(), p.choices.end()),
                             (std::vector<std::string_view>{"false", "true"}));
                    break;
            }
        }
        const ParamDescriptor& robustness = param("robustness");
        QCOMPARE(robustness.choices.size(), std::size_t{3});
        QCOMPARE(robustness.choices[2], robustness_name(Robustness::Wide));
        QCOMPARE(robustness.choice_label(2), std::string("Wide  (±1, 3, 5, 7)"));
        QCOMPARE(param("profile").choices[1], profile_name(MaProfile::Pine));
    }

    void familyParametersFormAGrid() {
        // Each family has the same columns, in the same order, as the panel lays them out.
        std::vector<std::string_view> first_columns;
        for (const MaType t : kAllFamilies) {
            std::vector<std::string_view> columns;
            for (const ParamDescriptor& p : param_table()) {
                if (p.family == t)
                    columns.push_back(p.column);
            }
            if (t == kAllFamilies.front())
                first_columns = columns;
            QCOMPARE(columns, first_columns);
        }
        QCOMPARE(first_columns, (std::vector<std::string_view>{"Length", "Weight"}));
        for (const ParamDescriptor& p : param_table()) {
            QCOMPARE(p.family.has_value(), p.group == ParamGroup::Families);
            QCOMPARE(p.column.empty(), !p.family.has_value());
        }
        QCOMPARE(param("hull_len").family, std::optional<MaType>(MaType::HMA));
        QCOMPARE(param("kama_w").family, std::optional<MaType>(MaType::KAMA));
    }

    void defaultsAreAtcParamsDefaultsAndInsideTheEditorRange() {
        for (const ParamDescriptor& p : param_table()) {
            const double d = p.default_value();
            if (p.type() == ParamType::Integer || p.type() == ParamType::Number) {
                QVERIFY2(p.min <= d && d <= p.max, p.key.data());
            } else {
                QVERIFY2(d < static_cast<double>(p.choices.size()), p.key.data());
            }
        }
        QCOMPARE(param("ema_len").default_value(), 28.0);
        QCOMPARE(param("La").default_value(), 0.02);
        QCOMPARE(param_value_text(param("robustness"), AtcParams{}), std::string("Medium"));
    }

    // ---- every field reached, exactly once -----------------------------------

    void defaultsReachEveryField() {
        // Setting every row to its default undoes a change to every member of
        // AtcParams only if every member has a row.
        AtcParams p = every_field_changed();
        for (const ParamDescriptor& row : param_table())
            row.set(p, row.default_value());
        QCOMPARE(p, AtcParams{});
    }

    void eachRowWritesItsOwnField() {
        for (const ParamDescriptor& row : param_table()) {
            AtcParams p;
            const double v = other_value(row);
            QVERIFY2(!set_param(p, row, v), row.key.data());
            QVERIFY2(p != AtcParams{}, row.key.data());
            QCOMPARE(row.get(p), v);
            // No other row sees the change: no two rows share a field.
            for (const ParamDescriptor& other : param_table()) {
                if (&other != &row)
                    QVERIFY2(other.get(p) == other.default_value(), other.key.data());
            }
            // params.json keeps it, and so does the text set_param_from_text reads.
            QCOMPARE(parse_params_json(params_to_json(p), "round trip"), p);
            AtcParams from_text;
            QVERIFY(!set_param_from_text(from_text, row, param_value_text(row, p)));
            QCOMPARE(from_text, p);
        }
    }

    // ---- params.json uses the table's keys ---------------------------------

    void paramsJsonWritesTheTableKeysInOrder() {
        const std::string json = params_to_json(AtcParams{});
        std::size_t at = 0;
        for (const ParamDescriptor& row : param_table()) {
            const std::string member = "\n  \"" + std::string(row.key) + "\": ";
            const std::size_t found = json.find(member, at);
            QVERIFY2(found != std::string::npos, json.c_str());
            at = found;
        }
        // And nothing else: one member per line between the braces.
        QCOMPARE(static_cast<std::size_t>(std::count(json.begin(), json.end(), '\n')),
                 param_table().size() + 2);
    }

    void paramsJsonReadsEveryTableKeyAndNoOther() {
        for (const ParamDescriptor& row : param_table()) {
            AtcParams expected;
            row.set(expected, other_value(row));
            const std::string value = param_value_text(row, expected);
            const bool quoted = row.type() == ParamType::Choice;
            const std::string json = "{\"" + std::string(row.key) +
                                     "\": " + (quoted ? "\"" + value + "\"" : value) + "}";
            QCOMPARE(parse_params_json(json, "one key"), expected);
        }
        QVERIFY(find_param("ema_length") == nullptr);
        QVERIFY(find_param("la") == nullptr);  // keys are case-sensitive, as in params.json
        try {
            parse_params_json("{\"la\": 1}", "p.json");
            QFAIL("an unknown key was accepted");
        } catch (const ParamsError& e) {
            QVERIFY2(std::string(e.what()).ends_with(unknown_param_message("la")), e.what());
        }
        QVERIFY(unknown_param_message("la").starts_with(
            "unknown key \"la\" (keys are case-sensitive: did you mean \"La\"?); allowed keys are "
            "ema_len, hull_len,"));
    }

    // ---- set_param: the sweep's way in -------------------------------------

    void setsFromText_data() {
        QTest::addColumn<std::string>("key");
        QTest::addColumn<std::string>("text");
        QTest::addColumn<double>("value");
        QTest::addRow("length") << std::string("hull_len") << std::string("40") << 40.0;
        QTest::addRow("length as 4e1") << std::string("hull_len") << std::string("4e1") << 40.0;
        QTest::addRow("weight") << std::string("lsma_w") << std::string("0.25") << 0.25;
        QTest::addRow("La") << std::string("La") << std::string("-1e-3") << -1e-3;
        QTest::addRow("cutout") << std::string("cutout") << std::string("250") << 250.0;
        QTest::addRow("robustness, any case")
            << std::string("robustness") << std::string("wIDE") << 2.0;
        QTest::addRow("profile") << std::string("profile") << std::string("pine") << 1.0;
        QTest::addRow("strategy_mode")
            << std::string("strategy_mode") << std::string("true") << 1.0;
    }

    void setsFromText() {
        QFETCH(std::string, key);
        QFETCH(std::string, text);
        QFETCH(double, value);
        AtcParams p;
        QVERIFY(!set_param_from_text(p, param(key), text));
        QCOMPARE(param(key).get(p), value);
    }

    void refusesTextOfTheWrongType() {
        expect_refused("ema_len", "28.5", "ema_len = 28.5 is not a whole number of bars");
        expect_refused("cutout", "1e10",
                       "cutout = 1e10 is out of range: it must be a whole number from "
                       "-2147483648 to 2147483647");
        expect_refused("La", "fast", "La = \"fast\" is not a number");
        expect_refused("La", "0.1x", "La = \"0.1x\" is not a number");
        expect_refused("De", "", "De = \"\" is not a number");
        expect_refused("De", "1e999", "De = 1e999 is out of range");
        expect_refused("robustness", "Huge",
                       "robustness = \"Huge\" is not allowed: use one of \"Narrow\", \"Medium\", "
                       "\"Wide\"");
        expect_refused("strategy_mode", "yes",
                       "strategy_mode = \"yes\" is not allowed: use one of \"false\", \"true\"");
    }

    void refusalsReadAsTheParamsJsonReadersDo() {
        // One wording for one problem, wherever the value comes from.
        const auto json_message = [](const std::string& json) {
            try {
                parse_params_json(json, "p.json");
            } catch (const ParamsError& e) {
                return std::string(e.what());
            }
            return std::string("accepted");
        };
        AtcParams p;
        const auto fraction = set_param_from_text(p, param("ema_len"), "28.5");
        QVERIFY(fraction);
        QVERIFY2(json_message("{\"ema_len\": 28.5}").ends_with(fraction->message),
                 fraction->message.c_str());
        const auto choice = set_param_from_text(p, param("profile"), "tradingview");
        QVERIFY(choice);
        QVERIFY2(json_message("{\"profile\": \"tradingview\"}").ends_with(choice->message),
                 choice->message.c_str());
    }

    void setsFromNumbers() {
        AtcParams p;
        QVERIFY(!set_param(p, param("De"), 0.5));
        QVERIFY(!set_param(p, param("dema_len"), 35.0));
        QVERIFY(!set_param(p, param("robustness"), 0.0));
        QVERIFY(!set_param(p, param("strategy_mode"), 1.0));
        AtcParams expected;
        expected.decay = 0.5;
        expected.lengths[3] = 35;
        expected.robustness = Robustness::Narrow;
        expected.strategy_mode = true;
        QCOMPARE(p, expected);

        const auto fraction = set_param(p, param("dema_len"), 35.5);
        QVERIFY(fraction);
        QCOMPARE(fraction->message, std::string("dema_len = 35.5 is not a whole number of bars"));
        const auto index = set_param(p, param("profile"), 2.0);
        QVERIFY(index);
        QCOMPARE(index->key, std::string("profile"));
        QCOMPARE(index->message,
                 std::string("profile = 2 is not allowed: use 0 to 1 for \"reference\", \"pine\""));
        QVERIFY(set_param(p, param("robustness"), 0.5));
        QVERIFY(set_param(p, param("strategy_mode"), -1.0));
        QCOMPARE(p, expected);  // refused values change nothing
    }

    void rangesAreLeftToCheckParams() {
        // A value of the right type is set even where check_params refuses it:
        // whether it is allowed can depend on the other parameters.
        AtcParams p;
        QVERIFY(!set_param_from_text(p, param("kama_len"), "7"));
        QVERIFY(check_params(p).empty());
        QVERIFY(!set_param_from_text(p, param("robustness"), "Wide"));
        const auto issues = check_params(p);
        QCOMPARE(issues.size(), std::size_t{1});
        QCOMPARE(issues[0].key, std::string("kama_len"));
        QVERIFY(!set_param_from_text(p, param("De"), "150"));
        QCOMPARE(p.decay, 150.0);
        QCOMPARE(check_params(p).back().key, std::string("De"));
    }
};

QTEST_APPLESS_MAIN(TestParamTable)
#include "test_param_table.moc"
