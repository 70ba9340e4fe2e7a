// SPDX-License-Identifier: GPL-3.0-or-later
// params.json: the golden files, every key, every way a file can be wrong, and
// the exact round trip of params_to_json.
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "atc/params_json.hpp"
#include "atc/validation.hpp"
#include "params_to_string.hpp"

using namespace atc;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(atc::AtcParams)

namespace {

const std::string kSource = "params.json";

// Parsing must fail with key() == `key` and what() containing `fragment`.
void expect_error(const std::string& json, const std::string& key, const std::string& fragment) {
    try {
        parse_params_json(json, kSource);
    } catch (const ParamsError& e) {
        QCOMPARE(e.source(), kSource);
        QCOMPARE(e.key(), key);
        QVERIFY2(std::string(e.what()).starts_with(kSource + ":"), e.what());
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
        return;
    }
    QFAIL(qPrintable("accepted: " + QString::fromStdString(json)));
}

AtcParams unusual_params() {
    AtcParams p;
    p.lengths = {8, 9, 100000, 33, 41, 12};
    p.weights = {1.0 / 3.0, 0.1 + 0.2, 2.5, 1e-300, 123456789.123456789, 1.0};
    p.robustness = Robustness::Wide;
    p.lambda = -0.0123456789012345678;
    p.decay = 100.0;
    p.cutout = 250;
    p.long_threshold = 0.30000000000000004;
    p.short_threshold = -1e-17;
    p.strategy_mode = true;
    p.profile = MaProfile::Pine;
    return p;
}

}  // namespace

class TestParamsJson : public QObject {
    Q_OBJECT

private slots:
    // ---- accepted ---------------------------------------------------------

    void emptyObjectIsDefaults() {
        QCOMPARE(parse_params_json("{}", kSource), AtcParams{});
        QCOMPARE(parse_params_json(" \r\n{ }\n\n", kSource), AtcParams{});
    }

    void goldenDefaultFileIsDefaults() {
        QCOMPARE(read_params_json(ATC_GOLDEN_DIR "/dax_default/params.json"), AtcParams{});
    }

    void everyGoldenFileParses() {
        const QDir golden(QStringLiteral(ATC_GOLDEN_DIR));
        const auto cases = golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(cases.size() >= 6);
        for (const QString& name : cases) {
            const QString file = golden.filePath(name + QStringLiteral("/params.json"));
            if (!QFile::exists(file))
                continue;
            try {
                read_params_json(file.toStdString());
            } catch (const std::exception& e) {
                QFAIL(e.what());
            }
        }
    }

    void goldenWideFileValues() {
        const AtcParams p = read_params_json(ATC_GOLDEN_DIR "/ttrc_wide/params.json");
        QCOMPARE(p.lengths, (std::array<int, 6>{20, 30, 25, 35, 40, 15}));
        QCOMPARE(p.weights, (std::array<double, 6>{1.0, 1.5, 0.5, 2.0, 1.0, 0.8}));
        QCOMPARE(p.robustness, Robustness::Wide);
    }

    void goldenNarrowCutoutAndStrategyValues() {
        const AtcParams smi = read_params_json(ATC_GOLDEN_DIR "/smi_narrow_cutout/params.json");
        QCOMPARE(smi.robustness, Robustness::Narrow);
        QCOMPARE(smi.lambda, 0.03);
        QCOMPARE(smi.decay, 0.05);
        QCOMPARE(smi.cutout, 50);
        const AtcParams strategy = read_params_json(ATC_GOLDEN_DIR "/strategy_mode/params.json");
        QCOMPARE(strategy.strategy_mode, true);
        QCOMPARE(strategy.long_threshold, 0.2);
        QCOMPARE(strategy.short_threshold, -0.2);
    }

    void eachKey_data() {
        QTest::addColumn<std::string>("json");
        QTest::addColumn<AtcParams>("expected");
        const auto with = [](auto change) {
            AtcParams p;
            change(p);
            return p;
        };
        const std::array<const char*, 6> len_keys = {"ema_len",  "hull_len", "wma_len",
                                                     "dema_len", "lsma_len", "kama_len"};
        const std::array<const char*, 6> weight_keys = {"ema_w",  "hma_w",  "wma_w",
                                                        "dema_w", "lsma_w", "kama_w"};
        for (std::size_t i = 0; i < 6; ++i) {
            QTest::addRow("%s", len_keys[i]) << ("{\"" + std::string(len_keys[i]) + "\": 40}")
                                             << with([i](AtcParams& p) { p.lengths[i] = 40; });
            QTest::addRow("%s", weight_keys[i])
                << ("{\"" + std::string(weight_keys[i]) + "\": 2.25}")
                << with([i](AtcParams& p) { p.weights[i] = 2.25; });
        }
        QTest::addRow("length as 28.0")
            << std::string(R"({"ema_len": 30.0})") << with([](AtcParams& p) { p.lengths[0] = 30; });
        QTest::addRow("length as 3e1")
            << std::string(R"({"wma_len": 3e1})") << with([](AtcParams& p) { p.lengths[2] = 30; });
        QTest::addRow("robustness Narrow")
            << std::string(R"({"robustness": "Narrow"})")
            << with([](AtcParams& p) { p.robustness = Robustness::Narrow; });
        QTest::addRow("robustness wide")
            << std::string(R"({"robustness": "wide"})")
            << with([](AtcParams& p) { p.robustness = Robustness::Wide; });
        QTest::addRow("robustness MEDIUM")
            << std::string(R"({"robustness": "MEDIUM"})") << AtcParams{};
        QTest::addRow("La") << std::string(R"({"La": 0.5})")
                            << with([](AtcParams& p) { p.lambda = 0.5; });
        QTest::addRow("La negative")
            << std::string(R"({"La": -1e-3})") << with([](AtcParams& p) { p.lambda = -1e-3; });
        QTest::addRow("De") << std::string(R"({"De": 100})")
                            << with([](AtcParams& p) { p.decay = 100.0; });
        QTest::addRow("cutout") << std::string(R"({"cutout": 12})")
                                << with([](AtcParams& p) { p.cutout = 12; });
        QTest::addRow("long_threshold") << std::string(R"({"long_threshold": 0.25})")
                                        << with([](AtcParams& p) { p.long_threshold = 0.25; });
        QTest::addRow("short_threshold") << std::string(R"({"short_threshold": -0.25})")
                                         << with([](AtcParams& p) { p.short_threshold = -0.25; });
        QTest::addRow("strategy_mode") << std::string(R"({"strategy_mode": true})")
                                       << with([](AtcParams& p) { p.strategy_mode = true; });
        QTest::addRow("profile pine") << std::string(R"({"profile": "pine"})")
                                      << with([](AtcParams& p) { p.profile = MaProfile::Pine; });
        QTest::addRow("profile reference")
            << std::string(R"({"profile": "reference"})") << AtcParams{};
        QTest::addRow("BOM and escapes")
            << std::string("\xEF\xBB\xBF{\"rob\\u0075stness\": \"N\\u0061rrow\"}")
            << with([](AtcParams& p) { p.robustness = Robustness::Narrow; });
    }

    void eachKey() {
        QFETCH(std::string, json);
        QFETCH(AtcParams, expected);
        QCOMPARE(parse_params_json(json, kSource), expected);
    }

    // ---- refused ----------------------------------------------------------

    void errors_data() {
        QTest::addColumn<std::string>("json");
        QTest::addColumn<std::string>("key");
        QTest::addColumn<std::string>("fragment");
        const std::string none;

        // Syntax: line and column of the offending character.
        QTest::addRow("missing comma")
            << std::string("{\n  \"ema_len\": 28,\n  \"hull_len\": 28 \"wma_len\": 28\n}") << none
            << std::string("params.json:3:18: expected ',' or '}'");
        QTest::addRow("empty file")
            << std::string("  \n") << none << std::string("params.json:2:1: expected '{'");
        QTest::addRow("not an object")
            << std::string("[1]") << none << std::string("params.json:1:1: expected '{'");
        QTest::addRow("object not closed")
            << std::string("{\"ema_len\": 28") << none << std::string("1:15: expected ',' or '}'");
        QTest::addRow("trailing comma") << std::string("{\"ema_len\": 28,}") << none
                                        << std::string("1:16: expected a key in double quotes");
        QTest::addRow("missing colon")
            << std::string("{\"ema_len\" 28}") << none << std::string("1:12: expected ':'");
        QTest::addRow("trailing content")
            << std::string("{}\n{}") << none << std::string("2:1: unexpected content after");
        QTest::addRow("unquoted key") << std::string("{ema_len: 28}") << none
                                      << std::string("1:2: expected a key in double quotes");
        QTest::addRow("single quotes") << std::string("{\"robustness\": 'Wide'}") << none
                                       << std::string("1:16: expected a value");
        QTest::addRow("leading zero") << std::string("{\"cutout\": 01}") << none
                                      << std::string("1:12: numbers may not start with 0");
        QTest::addRow("bare point") << std::string("{\"La\": 1.}") << none
                                    << std::string("expected a digit after the decimal point");
        QTest::addRow("plus sign")
            << std::string("{\"La\": +1}") << none << std::string("1:8: expected a value");
        QTest::addRow("NaN literal")
            << std::string("{\"La\": NaN}") << none << std::string("1:8: expected a value");
        QTest::addRow("huge number") << std::string("{\"La\": 1e999}") << none
                                     << std::string("1:8: the number 1e999 is out of range");
        QTest::addRow("tru") << std::string("{\"strategy_mode\": tru}") << none
                             << std::string("1:19: expected a value");
        QTest::addRow("unclosed string") << std::string("{\"robustness\": \"Wide}") << none
                                         << std::string("a string is not closed");
        QTest::addRow("bad escape") << std::string("{\"profile\": \"p\\ine\"}") << none
                                    << std::string("invalid escape \\i");
        QTest::addRow("raw newline in string")
            << std::string("{\"profile\": \"pi\nne\"}") << none << std::string("control character");
        QTest::addRow("column counts characters")
            << std::string("{\"\xC3\xA9\xC3\xA9\" 1}") << none << std::string("1:7: expected ':'");
        QTest::addRow("deep nesting") << ("{\"ema_len\": " + std::string(1000, '[')) << none
                                      << std::string("nested too deeply");

        // Keys.
        QTest::addRow("unknown key")
            << std::string("{\"ema_length\": 28}") << std::string("ema_length")
            << std::string(
                   "unknown key \"ema_length\"; allowed keys are ema_len, hull_len, "
                   "wma_len, dema_len, lsma_len, kama_len, ema_w, hma_w, wma_w, dema_w, "
                   "lsma_w, kama_w, robustness, La, De, cutout, long_threshold, "
                   "short_threshold, strategy_mode, profile");
        QTest::addRow("wrong case key") << std::string("{\"la\": 0.1}") << std::string("la")
                                        << std::string("did you mean \"La\"?");
        QTest::addRow("duplicate key")
            << std::string("{\n\"cutout\": 1,\n\"cutout\": 2}") << std::string("cutout")
            << std::string("params.json:3:1: duplicate key \"cutout\" (first given on line 2)");

        // Types.
        QTest::addRow("fractional length")
            << std::string("{\"ema_len\": 28.5}") << std::string("ema_len")
            << std::string("ema_len = 28.5 is not a whole number");
        QTest::addRow("length as string")
            << std::string("{\"hull_len\": \"28\"}") << std::string("hull_len")
            << std::string(
                   "hull_len must be a whole number, not a string (write the number "
                   "without quotes)");
        QTest::addRow("length as bool")
            << std::string("{\"wma_len\": true}") << std::string("wma_len")
            << std::string("wma_len must be a whole number, not true/false");
        QTest::addRow("length as array")
            << std::string("{\"dema_len\": [28]}") << std::string("dema_len")
            << std::string("dema_len must be a whole number, not an array");
        QTest::addRow("length as object")
            << std::string("{\"lsma_len\": {\"v\": [1, {}]}}") << std::string("lsma_len")
            << std::string("lsma_len must be a whole number, not an object");
        QTest::addRow("length as null")
            << std::string("{\"kama_len\": null}") << std::string("kama_len")
            << std::string("kama_len must be a whole number, not null");
        QTest::addRow("length beyond int")
            << std::string("{\"ema_len\": 1e10}") << std::string("ema_len")
            << std::string("ema_len = 1e10 is out of range");
        QTest::addRow("cutout fraction")
            << std::string("{\"cutout\": 2.5}") << std::string("cutout")
            << std::string("cutout = 2.5 is not a whole number");
        QTest::addRow("weight as string")
            << std::string("{\"hma_w\": \"heavy\"}") << std::string("hma_w")
            << std::string("hma_w must be a number, not a string");
        QTest::addRow("La as null") << std::string("{\"La\": null}") << std::string("La")
                                    << std::string("La must be a number, not null");
        QTest::addRow("threshold as bool")
            << std::string("{\"long_threshold\": false}") << std::string("long_threshold")
            << std::string("must be a number, not true/false");
        QTest::addRow("robustness unknown")
            << std::string("{\"robustness\": \"Huge\"}") << std::string("robustness")
            << std::string(
                   "robustness = \"Huge\" is not allowed: use one of \"Narrow\", \"Medium\", "
                   "\"Wide\"");
        QTest::addRow("robustness as number")
            << std::string("{\"robustness\": 1}") << std::string("robustness")
            << std::string(
                   "robustness must be one of \"Narrow\", \"Medium\", \"Wide\", not a number");
        QTest::addRow("strategy_mode as number")
            << std::string("{\"strategy_mode\": 1}") << std::string("strategy_mode")
            << std::string("must be true or false, not a number");
        QTest::addRow("strategy_mode as string")
            << std::string("{\"strategy_mode\": \"true\"}") << std::string("strategy_mode")
            << std::string("must be true or false, not a string");
        QTest::addRow("profile unknown")
            << std::string("{\"profile\": \"tradingview\"}") << std::string("profile")
            << std::string("use one of \"reference\", \"pine\"");

        // Values that parse but check_params refuses: the allowed range is named.
        QTest::addRow("length too short")
            << std::string("{\"hull_len\": 6}") << std::string("hull_len")
            << std::string("params.json: hull_len = 6 is out of range");
        QTest::addRow("length too short for wide")
            << std::string("{\"robustness\": \"Wide\", \"kama_len\": 7}") << std::string("kama_len")
            << std::string("allowed range is 8 to 100000 bars");
        QTest::addRow("length too long")
            << std::string("{\"ema_len\": 100001}") << std::string("ema_len")
            << std::string("allowed range is 7 to 100000 bars");
        QTest::addRow("weight zero") << std::string("{\"dema_w\": 0}") << std::string("dema_w")
                                     << std::string("params.json: dema_w = 0 is invalid");
        QTest::addRow("weight negative") << std::string("{\"kama_w\": -1.5}")
                                         << std::string("kama_w") << std::string("greater than 0");
        QTest::addRow("De too large") << std::string("{\"De\": 100.5}") << std::string("De")
                                      << std::string("allowed 0 to 100");
        QTest::addRow("De negative") << std::string("{\"De\": -0.1}") << std::string("De")
                                     << std::string("allowed 0 to 100");
        QTest::addRow("cutout negative") << std::string("{\"cutout\": -1}") << std::string("cutout")
                                         << std::string("must be 0 or more");
        QTest::addRow("thresholds crossed")
            << std::string("{\"long_threshold\": -0.2, \"short_threshold\": 0.2}")
            << std::string("long_threshold")
            << std::string("long_threshold (-0.2) must be greater than short_threshold (0.2)");
    }

    void errors() {
        QFETCH(std::string, json);
        QFETCH(std::string, key);
        QFETCH(std::string, fragment);
        expect_error(json, key, fragment);
    }

    void firstIssueWins() {
        // Two out-of-range values: the first check_params issue is reported.
        expect_error("{\"De\": 200, \"ema_len\": 1}", "ema_len", "ema_len = 1");
    }

    void missingFileNamesPathAndReason() {
        const std::string path = "/nonexistent-dir-atc/params.json";
        try {
            read_params_json(path);
        } catch (const ParamsError& e) {
            QCOMPARE(e.source(), path);
            QVERIFY(e.key().empty());
            QVERIFY2(std::string(e.what()).starts_with(path + ": cannot open"), e.what());
            QVERIFY2(std::string(e.what()).find("No such file or directory") != std::string::npos,
                     e.what());
            return;
        }
        QFAIL("missing file was accepted");
    }

    void directoryNamesPathAndReason() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.path().toStdString();
        try {
            read_params_json(path);
        } catch (const ParamsError& e) {
            QCOMPARE(e.source(), path);
            QVERIFY(e.key().empty());
            // Opening a directory works on Linux; reading it is what fails.
            QVERIFY2(std::string(e.what()).starts_with(path + ": cannot read the file: "),
                     e.what());
            QVERIFY2(std::string(e.what()).find("Is a directory") != std::string::npos, e.what());
            return;
        }
        QFAIL("a directory was accepted");
    }

    // ---- writing ----------------------------------------------------------

    void writesEveryKeyInGoldenOrder() {
        const std::string json = params_to_json(AtcParams{});
        const std::array<const char*, 20> order = {
            "ema_len",       "hull_len", "wma_len", "dema_len", "lsma_len",       "kama_len",
            "ema_w",         "hma_w",    "wma_w",   "dema_w",   "lsma_w",         "kama_w",
            "robustness",    "La",       "De",      "cutout",   "long_threshold", "short_threshold",
            "strategy_mode", "profile"};
        std::size_t last = 0;
        for (const char* key : order) {
            const std::size_t at = json.find(std::string(1, '"').append(key).append("\":"));
            QVERIFY2(at != std::string::npos, key);
            QVERIFY2(at >= last, key);
            last = at;
        }
        // Integers stay integers, weights keep their fraction, strings are quoted.
        QVERIFY2(json.find("\"ema_len\": 28,") != std::string::npos, json.c_str());
        QVERIFY2(json.find("\"ema_w\": 1.0,") != std::string::npos, json.c_str());
        QVERIFY2(json.find("\"La\": 0.02,") != std::string::npos, json.c_str());
        QVERIFY2(json.find("\"robustness\": \"Medium\",") != std::string::npos, json.c_str());
        QVERIFY2(json.find("\"strategy_mode\": false,") != std::string::npos, json.c_str());
        QVERIFY2(json.find("\"profile\": \"reference\"\n}") != std::string::npos, json.c_str());
    }

    void roundTripsDefaults() {
        QCOMPARE(parse_params_json(params_to_json(AtcParams{}), kSource), AtcParams{});
    }

    void roundTripsExactly() {
        const AtcParams p = unusual_params();
        const AtcParams back = parse_params_json(params_to_json(p), kSource);
        QCOMPARE(back, p);
        // Bit for bit, not merely within a tolerance.
        for (std::size_t i = 0; i < 6; ++i) {
            QCOMPARE(std::memcmp(&back.weights[i], &p.weights[i], sizeof(double)), 0);
        }
        QCOMPARE(std::memcmp(&back.lambda, &p.lambda, sizeof(double)), 0);
    }

    void roundTripsEveryChoice() {
        for (const Robustness r : {Robustness::Narrow, Robustness::Medium, Robustness::Wide}) {
            for (const MaProfile profile : {MaProfile::Reference, MaProfile::Pine}) {
                AtcParams p;
                p.robustness = r;
                p.profile = profile;
                QCOMPARE(parse_params_json(params_to_json(p), kSource), p);
            }
        }
    }

    void roundTripsThroughFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("p.json")).toStdString();
        const std::string json = params_to_json(unusual_params());
        std::FILE* f = std::fopen(path.c_str(), "wb");
        QVERIFY(f != nullptr);
        std::fwrite(json.data(), 1, json.size(), f);
        std::fclose(f);
        QCOMPARE(read_params_json(path), unusual_params());
    }

    void nonFiniteIsWrittenAsNullAndRefusedOnRead() {
        AtcParams p;
        p.weights[1] = std::numeric_limits<double>::quiet_NaN();
        const std::string json = params_to_json(p);
        QVERIFY2(json.find("\"hma_w\": null,") != std::string::npos, json.c_str());
        expect_error(json, "hma_w", "hma_w must be a number, not null");
    }
};

QTEST_APPLESS_MAIN(TestParamsJson)
#include "test_params_json.moc"
