// SPDX-License-Identifier: GPL-3.0-or-later
// Lets QCOMPARE show both parameter sets, as params.json text, when they differ.
#pragma once

#include <QtTest>

#include "atc/params_json.hpp"

namespace atc {

inline char* toString(const AtcParams& p) {
    return qstrdup(params_to_json(p).c_str());
}

}  // namespace atc
