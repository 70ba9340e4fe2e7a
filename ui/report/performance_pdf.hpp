// SPDX-License-Identifier: GPL-3.0-or-later
// The symbol report's "Performance" page: how the Average signal would have
// done held as a position (ATC_SPEC "Signal performance"), beside buy-and-hold.
// Its equity against buy-and-hold's (log scale), the underwater curve, the
// figures side by side, and the monthly returns as a years × months table
// shaded by sign and size.
#pragma once

#include "atc/performance.hpp"
#include "core/symbol_data.hpp"
#include "report/pdf_document.hpp"

namespace atc::ui {

// Writes the page from the cursor on (the caller starts the page). Says so in
// a line when the Average is never defined.
void writePerformancePage(PdfDocument& doc, const SymbolData& data,
                          const PerformanceOptions& options);

}  // namespace atc::ui
