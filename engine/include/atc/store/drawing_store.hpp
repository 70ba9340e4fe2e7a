// SPDX-License-Identifier: GPL-3.0-or-later
// The trader's drawings on a symbol's price chart (horizontal and vertical
// lines, trend lines, rectangles), kept in the database by the symbol's name so
// that they come back on every timeframe and after a restart. Each save
// replaces the symbol's drawings in one transaction.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "atc/store/database.hpp"

namespace atc::store {

// The numbers are stored in databases: never renumber, only append.
enum class DrawingKind : int {
    HorizontalLine = 0,  // at start.price, across the whole chart
    TrendLine = 1,       // start to end, continued to the right edge when extend_right
    VerticalLine = 2,    // at start.x, top to bottom
    Rectangle = 3,       // start and end are opposite corners
};
inline constexpr int kDrawingKindCount = 4;

// A point of a drawing, anchored to time rather than to a bar of one
// timeframe: x is the UTC milliseconds of the bar it was placed on (or a
// moment past the last bar), so the drawing lands on the same moment at any
// timeframe. For bars without times x is the bar index instead (by_bar).
struct DrawingAnchor {
    std::int64_t x = 0;
    double price = 0.0;
    friend bool operator==(const DrawingAnchor&, const DrawingAnchor&) = default;
};

struct Drawing {
    DrawingKind kind = DrawingKind::HorizontalLine;
    bool by_bar = false;  // the anchors' x are bar indices (bars without times)
    DrawingAnchor start;
    DrawingAnchor end;          // the same as start for the one-point kinds
    bool extend_right = false;  // trend lines only
    friend bool operator==(const Drawing&, const Drawing&) = default;
};

// What load() read: the drawings it understood, in the order they were drawn,
// and one sentence per row it skipped (a kind this version does not know, a
// price that is not a finite number).
struct LoadedDrawings {
    std::vector<Drawing> drawings;
    std::vector<std::string> skipped;
};

class DrawingStore {
public:
    explicit DrawingStore(Database& db) : db_(db) {}

    // The drawings of `symbol`; none when it has none. Throws StoreError when
    // the database cannot be read.
    LoadedDrawings load(std::string_view symbol);

    // Replaces the drawings of `symbol` with `drawings`, in one transaction.
    // Throws StoreError (and changes nothing) when the database cannot be
    // written or a drawing has a price that is not finite or an unknown kind.
    void save(std::string_view symbol, std::span<const Drawing> drawings);

private:
    Database& db_;
};

}  // namespace atc::store
