// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "io/params_file.h"

#include <QMap>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace credit::ui {

/// The training setup form: algorithms, cross-validation, random search, objective,
/// calibration, seed, threads and feature options. It edits a core::ParamsFile, so keys the
/// form does not show (costs, search spaces, fixed parameters, monitoring) travel unchanged
/// from a loaded params.yaml to the run and to a saved file.
class TrainingSetupPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingSetupPanel(QWidget* parent = nullptr);

    /// Shows `file`'s settings; `sourcePath` names where they came from (may be empty);
    /// `description`, when given, replaces the "Defaults from …" line under the form.
    void setParamsFile(const core::ParamsFile& file, const QString& sourcePath,
                       const QString& description = {});
    /// The shown settings: the last file given, with every field of the form applied.
    core::ParamsFile paramsFile() const;
    QString sourcePath() const { return m_sourcePath; }

    /// Reads a params.yaml; on a refusal returns false and sets `error` to the engine's message.
    bool loadFile(const QString& path, QString* error);
    /// Writes the shown settings as params.yaml (atomically).
    bool saveFile(const QString& path, QString* error) const;

    /// Disables every input while a run is going.
    void setEditable(bool editable);

    QCheckBox* algorithmBox(const QString& algorithm) const
    {
        return m_algorithms.value(algorithm);
    }
    QSpinBox* foldsBox() const { return m_folds; }
    QSpinBox* repeatsBox() const { return m_repeats; }
    QSpinBox* trialsBox() const { return m_trials; }
    QSpinBox* threadsBox() const { return m_threads; }

    /// The params.yaml used for defaults: CREDIT_PARAMS_FILE given at build time, or an
    /// installed copy next to the data; empty when none exists.
    static QString defaultParamsPath();

signals:
    void changed();

private:
    void loadWithDialog();
    void saveWithDialog();
    void resetToDefaults();

    core::ParamsFile m_file;
    QString m_sourcePath;
    QMap<QString, QCheckBox*> m_algorithms;
    QSpinBox* m_folds;
    QSpinBox* m_repeats;
    QSpinBox* m_trials;
    QComboBox* m_objective;
    QComboBox* m_calibration;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QCheckBox* m_businessVariables;
    QComboBox* m_encoding;
    QLabel* m_sourceLabel;
    QPushButton* m_loadButton;
    QPushButton* m_saveButton;
    QPushButton* m_resetButton;
};

} // namespace credit::ui
