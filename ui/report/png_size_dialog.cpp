// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/png_size_dialog.hpp"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include "report/symbol_report.hpp"

namespace atc::ui {
namespace {

QSpinBox* sideBox(int value, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(kMinPngSide, kMaxPngSide);
    box->setSingleStep(100);
    box->setSuffix(QObject::tr(" px"));
    box->setValue(std::clamp(value, kMinPngSide, kMaxPngSide));
    return box;
}

}  // namespace

std::optional<QSize> askPngSize(QWidget* parent, QSize initial) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("PNG size"));
    auto* width = sideBox(initial.width(), &dialog);
    auto* height = sideBox(initial.height(), &dialog);
    width->setObjectName(QStringLiteral("pngWidth"));
    height->setObjectName(QStringLiteral("pngHeight"));
    auto* form = new QFormLayout(&dialog);
    form->addRow(new QLabel(QObject::tr("The charts are laid out afresh at this size.")));
    form->addRow(QObject::tr("Width:"), width);
    form->addRow(QObject::tr("Height:"), height);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return QSize(width->value(), height->value());
}

}  // namespace atc::ui
