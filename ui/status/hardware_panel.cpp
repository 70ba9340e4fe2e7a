// SPDX-License-Identifier: GPL-3.0-or-later
#include "status/hardware_panel.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "core/engine_service.hpp"
#include "core/number_format.hpp"
#include "core/qt_text.hpp"
#include "status/byte_text.hpp"
#include "status/memory_chart.hpp"

namespace atc::ui {
namespace {

QString msText(double seconds) {
    return QStringLiteral("%1 ms").arg(groupedNumber(seconds * 1000.0, 1));
}

QString rateText(double per_second, const QString& unit) {
    return QStringLiteral("%1 %2/s").arg(groupedNumber(per_second, 0), unit);
}

QFormLayout* addGroup(QVBoxLayout* column, const QString& title) {
    auto* box = new QGroupBox(title);
    auto* form = new QFormLayout(box);
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addWidget(box);
    return form;
}

}  // namespace

HardwarePanel::HardwarePanel(system::HardwareReport report, system::MemoryMonitor& monitor,
                             cache::ResultCache& cache, QWidget* parent)
    : QWidget(parent), report_(std::move(report)), monitor_(monitor), cache_(cache) {
    auto* content = new QWidget;
    auto* columns = new QHBoxLayout(content);
    auto* left = new QVBoxLayout;
    auto* right = new QVBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    QFormLayout* machine = addGroup(left, tr("Machine"));
    addRow(machine, QStringLiteral("cpu_model"), tr("CPU"));
    addRow(machine, QStringLiteral("cores"), tr("Cores"));
    addRow(machine, QStringLiteral("simd"), tr("SIMD"));
    addRow(machine, QStringLiteral("ram"), tr("RAM"));
    addRow(machine, QStringLiteral("cuda"), tr("CUDA"));

    // Where charts and scans are computed: the setting, what it runs and why,
    // and what it chooses for a typical small and large scan.
    QFormLayout* compute = addGroup(left, tr("Compute"));
    compute_on_ = new QComboBox;
    compute_on_->setObjectName(QStringLiteral("computeOn"));
    compute_on_->addItem(tr("Auto (the faster for each scan)"),
                         static_cast<int>(system::BackendRequest::Auto));
    compute_on_->addItem(tr("CPU"), static_cast<int>(system::BackendRequest::Cpu));
    compute_on_->addItem(tr("GPU"), static_cast<int>(system::BackendRequest::Gpu));
    compute->addRow(tr("Compute on"), compute_on_);
    connect(compute_on_, &QComboBox::activated, this, [this](int index) {
        emit backendRequested(
            static_cast<system::BackendRequest>(compute_on_->itemData(index).toInt()));
    });
    addRow(compute, QStringLiteral("backend"), tr("Backend"));
    addRow(compute, QStringLiteral("backend_reason"), tr("Why"));
    addRow(compute, QStringLiteral("route_small"), tr("500-symbol scan"));
    addRow(compute, QStringLiteral("route_large"), tr("10,000-symbol scan"));

    QFormLayout* last = addGroup(left, tr("Last scan"));
    addRow(last, QStringLiteral("scan_symbols"), tr("Symbols"));
    addRow(last, QStringLiteral("scan_backend"), tr("Computed on"));
    addRow(last, QStringLiteral("scan_backend_reason"), tr("Why"));
    addRow(last, QStringLiteral("stage_mas"), tr("Moving averages"));
    addRow(last, QStringLiteral("stage_layer1"), tr("Layer 1"));
    addRow(last, QStringLiteral("stage_layer2"), tr("Layer 2"));
    addRow(last, QStringLiteral("stage_final"), tr("Final"));
    addRow(last, QStringLiteral("stage_fused"), tr("Symbols in vector groups"));
    addRow(last, QStringLiteral("stage_transfers"), tr("Transfers"));
    addRow(last, QStringLiteral("bars_per_second"), tr("Bars per second"));
    addRow(last, QStringLiteral("symbols_per_second"), tr("Symbols per second"));

    QFormLayout* cache_form = addGroup(right, tr("Result cache"));
    addRow(cache_form, QStringLiteral("cache_hits"), tr("Hits"));
    addRow(cache_form, QStringLiteral("cache_misses"), tr("Misses"));
    addRow(cache_form, QStringLiteral("cache_size"), tr("Size"));
    addRow(cache_form, QStringLiteral("cache_evictions"), tr("Evictions"));

    QFormLayout* memory = addGroup(right, tr("Memory"));
    addRow(memory, QStringLiteral("rss_now"), tr("Resident now"));
    addRow(memory, QStringLiteral("rss_peak"), tr("Resident at peak"));
    addRow(memory, QStringLiteral("engine_bytes"), tr("Engine buffers"));
    chart_ = new MemoryChart;
    right->addWidget(chart_, 1);
    left->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    for (const QString& key : {QStringLiteral("scan_symbols"), QStringLiteral("scan_backend"),
                               QStringLiteral("scan_backend_reason"), QStringLiteral("stage_mas"),
                               QStringLiteral("stage_layer1"), QStringLiteral("stage_layer2"),
                               QStringLiteral("stage_final"), QStringLiteral("stage_fused"),
                               QStringLiteral("stage_transfers"), QStringLiteral("bars_per_second"),
                               QStringLiteral("symbols_per_second")})
        setValue(key, tr("— (no scan yet)"));
    showStaticReport();
    refresh();
    refresh_timer_.setInterval(kRefreshMs);
    connect(&refresh_timer_, &QTimer::timeout, this, &HardwarePanel::refresh);
    refresh_timer_.start();
}

QLabel* HardwarePanel::addRow(QFormLayout* form, const QString& key, const QString& title) {
    auto* value = new QLabel;
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    form->addRow(title, value);
    values_.insert(key, value);
    return value;
}

void HardwarePanel::setValue(const QString& key, const QString& text) {
    if (QLabel* label = values_.value(key))
        label->setText(text);
}

QString HardwarePanel::valueText(const QString& key) const {
    const QLabel* label = values_.value(key);
    return label ? label->text() : QString();
}

void HardwarePanel::showStaticReport() {
    // "GPU" is offered only where one can run; otherwise its item says why.
    if (auto* items = qobject_cast<QStandardItemModel*>(compute_on_->model())) {
        QStandardItem* gpu =
            items->item(compute_on_->findData(static_cast<int>(system::BackendRequest::Gpu)));
        gpu->setEnabled(report_.gpu.available);
        gpu->setToolTip(report_.gpu.available ? QString() : qs(report_.gpu.reason));
    }
    const system::CpuInfo& cpu = report_.cpu;
    setValue(QStringLiteral("cpu_model"), qs(cpu.model));
    setValue(QStringLiteral("cores"),
             tr("%1 physical, %2 logical").arg(cpu.physical_cores).arg(cpu.logical_cores));
    setValue(QStringLiteral("simd"),
             tr("%1 (engine kernels: %2)")
                 .arg(qs(system::simd_level_name(cpu.simd)),
                      qs(system::kernel_simd_description(cpu.kernel_simd))));
    setValue(QStringLiteral("ram"),
             tr("%1 total, %2 available")
                 .arg(byteText(report_.ram.total_bytes), byteText(report_.ram.available_bytes)));
    QStringList devices;
    for (const system::GpuDevice& d : report_.gpu.devices) {
        devices << tr("%1, %2, compute %3.%4, driver %5, runtime %6")
                       .arg(qs(d.name), byteText(d.memory_bytes))
                       .arg(d.compute_capability_major)
                       .arg(d.compute_capability_minor)
                       .arg(qs(d.driver_version), qs(d.runtime_version));
    }
    setValue(QStringLiteral("cuda"), devices.isEmpty()
                                         ? tr("no CUDA device: %1").arg(qs(report_.gpu.reason))
                                         : devices.join(QLatin1Char('\n')));
    setValue(QStringLiteral("backend"), qs(report_.backend.description));
    setValue(QStringLiteral("backend_reason"), qs(report_.backend.reason));
    // Filled by BackendRouter::hardware_report: 500 and 10,000 symbols.
    const QString keys[] = {QStringLiteral("route_small"), QStringLiteral("route_large")};
    for (std::size_t i = 0; i < std::size(keys); ++i) {
        if (i >= report_.scan_routes.size()) {
            setValue(keys[i], tr("—"));
            continue;
        }
        const system::BackendChoice& choice = report_.scan_routes[i].choice;
        setValue(keys[i], choice.usable
                              ? tr("%1 — %2").arg(qs(choice.description), qs(choice.reason))
                              : qs(choice.reason));
    }
}

void HardwarePanel::setReport(system::HardwareReport report) {
    report_ = std::move(report);
    showStaticReport();
}

void HardwarePanel::setBackendRequest(system::BackendRequest request) {
    const int index = compute_on_->findData(static_cast<int>(request));
    if (index >= 0)
        compute_on_->setCurrentIndex(index);  // activated() is for the user's choices only
}

void HardwarePanel::showScan(const ScanOutcome& outcome) {
    const StageTimes& t = outcome.stage_times;
    const qsizetype symbols = outcome.names.size();
    setValue(QStringLiteral("scan_symbols"),
             tr("%1 in %2 ms (%3 from the cache)")
                 .arg(groupedCount(symbols), groupedNumber(outcome.elapsed_ms, 0),
                      groupedCount(outcome.compute.from_cache)));
    const system::BackendChoice& ran = outcome.compute.choice;
    setValue(QStringLiteral("scan_backend"), qs(ran.description));
    setValue(QStringLiteral("scan_backend_reason"), qs(ran.reason));
    // The device runs the stages as fused kernels, the copies overlapping
    // them: only the whole is timed. On the CPU, worker time summed over
    // threads (it can exceed the wall time).
    const bool on_gpu = ran.kind == system::BackendKind::Gpu && outcome.compute.computed > 0;
    const QString fused = tr("on the GPU (fused kernels, in the total)");
    setValue(QStringLiteral("stage_mas"), on_gpu ? fused : msText(t.moving_averages));
    setValue(QStringLiteral("stage_layer1"), on_gpu ? fused : msText(t.layer1));
    setValue(QStringLiteral("stage_layer2"), on_gpu ? fused : msText(t.layer2));
    setValue(QStringLiteral("stage_final"), on_gpu ? fused : msText(t.final_stage));
    // Symbols of equal length run four to a vector (two without AVX2), all their stages in one
    // pass over the bars; the rows above time the symbols that ran alone.
    setValue(QStringLiteral("stage_fused"),
             on_gpu ? fused : tr("%1 (all stages in one pass)").arg(msText(t.fused)));
    setValue(QStringLiteral("stage_transfers"), on_gpu ? fused : tr("none (CPU backend)"));
    const double seconds = outcome.elapsed_ms / 1000.0;
    if (seconds > 0.0) {
        setValue(QStringLiteral("bars_per_second"),
                 rateText(static_cast<double>(outcome.bars_computed) / seconds, tr("bars")));
        setValue(QStringLiteral("symbols_per_second"),
                 rateText(static_cast<double>(symbols) / seconds, tr("symbols")));
    }
}

void HardwarePanel::refresh() {
    const cache::CacheStats c = cache_.stats();
    setValue(QStringLiteral("cache_hits"),
             tr("%1 (memory %2, disk %3)")
                 .arg(groupedCount(c.memory_hits + c.disk_hits), groupedCount(c.memory_hits),
                      groupedCount(c.disk_hits)));
    setValue(QStringLiteral("cache_misses"), groupedCount(c.misses));
    const QString disk =
        c.disk_enabled
            ? tr("%1 (%2 entries)").arg(byteText(c.disk_bytes), groupedCount(c.disk_entries))
        : !c.disk_off_reason.empty()
            ? tr("off, results in memory only: %1").arg(qs(c.disk_off_reason))
        : c.last_disk_error.empty() ? tr("off (memory only)")
                                    : tr("off: %1").arg(qs(c.last_disk_error));
    setValue(QStringLiteral("cache_size"),
             tr("memory %1 of %2 (%3 entries); disk %4")
                 .arg(byteText(c.memory_bytes), byteText(c.memory_capacity_bytes),
                      groupedCount(c.memory_entries), disk));
    setValue(QStringLiteral("cache_evictions"),
             tr("memory %1, disk %2")
                 .arg(groupedCount(c.memory_evictions), groupedCount(c.disk_evictions)));

    const system::MemoryStatus m = monitor_.status();
    setValue(QStringLiteral("rss_now"), byteText(m.current.rss_bytes));
    setValue(QStringLiteral("rss_peak"), byteText(m.peak_rss_bytes));
    setValue(QStringLiteral("engine_bytes"), byteText(m.current.engine_bytes));
    if (isVisible())
        chart_->setSamples(monitor_.history());
}

void HardwarePanel::setTheme(const Theme& theme) {
    chart_->setTheme(theme);
}

}  // namespace atc::ui
