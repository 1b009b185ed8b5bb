// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/training_setup_panel.h"

#include "models/classifier.h"
#include "widgets/file_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <limits>

namespace credit::ui {

namespace {

QString algorithmLabel(const QString& algorithm)
{
    if (algorithm == QLatin1String("lr")) {
        return TrainingSetupPanel::tr("Logistic regression");
    }
    if (algorithm == QLatin1String("rf")) {
        return TrainingSetupPanel::tr("Random forest");
    }
    if (algorithm == QLatin1String("gbdt")) {
        return TrainingSetupPanel::tr("Gradient boosting");
    }
    if (algorithm == QLatin1String("svm")) {
        return TrainingSetupPanel::tr("Support vector machine (RBF)");
    }
    if (algorithm == QLatin1String("ensemble")) {
        return TrainingSetupPanel::tr("Ensemble (vote / stacking)");
    }
    return algorithm;
}

QString algorithmToolTip(const QString& algorithm)
{
    if (algorithm == QLatin1String("lr")) {
        return TrainingSetupPanel::tr("L2-penalised logistic regression: transparent, gives "
                                      "coefficients with standard errors and p-values.");
    }
    if (algorithm == QLatin1String("rf")) {
        return TrainingSetupPanel::tr("Random forest of decision trees (XGBoost): robust, "
                                      "captures interactions.");
    }
    if (algorithm == QLatin1String("gbdt")) {
        return TrainingSetupPanel::tr("Gradient-boosted trees (XGBoost): usually the most "
                                      "accurate on tabular data.");
    }
    if (algorithm == QLatin1String("svm")) {
        return TrainingSetupPanel::tr("Support vector machine with an RBF kernel (dlib) and "
                                      "Platt probabilities.");
    }
    if (algorithm == QLatin1String("ensemble")) {
        return TrainingSetupPanel::tr("Combines the other models by soft voting or stacking; "
                                      "searched after them.");
    }
    return {};
}

} // namespace

TrainingSetupPanel::TrainingSetupPanel(QWidget* parent)
    : QWidget(parent), m_folds(new QSpinBox(this)), m_repeats(new QSpinBox(this)),
      m_trials(new QSpinBox(this)), m_objective(new QComboBox(this)),
      m_calibration(new QComboBox(this)), m_seed(new QSpinBox(this)), m_threads(new QSpinBox(this)),
      m_businessVariables(new QCheckBox(this)), m_encoding(new QComboBox(this)),
      m_sourceLabel(new QLabel(this)), m_loadButton(new QPushButton(tr("Load…"), this)),
      m_saveButton(new QPushButton(tr("Save…"), this)),
      m_resetButton(new QPushButton(tr("Defaults"), this))
{
    auto* algorithmsGroup = new QGroupBox(tr("Algorithms"), this);
    auto* algorithmsLayout = new QVBoxLayout(algorithmsGroup);
    algorithmsLayout->setSpacing(2);
    for (const std::string& name : core::availableAlgorithms()) {
        const QString algorithm = QString::fromStdString(name);
        auto* box = new QCheckBox(algorithmLabel(algorithm), algorithmsGroup);
        box->setObjectName(QStringLiteral("algorithm_") + algorithm);
        box->setToolTip(algorithmToolTip(algorithm));
        algorithmsLayout->addWidget(box);
        m_algorithms.insert(algorithm, box);
        connect(box, &QCheckBox::toggled, this, &TrainingSetupPanel::changed);
    }

    auto* validationGroup = new QGroupBox(tr("Validation and search"), this);
    auto* form = new QFormLayout(validationGroup);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_folds->setRange(2, 50);
    m_folds->setObjectName(QStringLiteral("folds"));
    m_folds->setToolTip(tr("Stratified k-fold cross-validation: the data are split into k "
                           "parts with the same bad rate; each part is scored by a model that "
                           "never saw it."));
    form->addRow(tr("CV folds:"), m_folds);
    m_repeats->setRange(1, 50);
    m_repeats->setObjectName(QStringLiteral("repeats"));
    m_repeats->setToolTip(tr("How often the k-fold split is repeated with a fresh shuffle; more "
                             "repeats give steadier estimates and cost proportionally more."));
    form->addRow(tr("Repeats:"), m_repeats);
    m_trials->setRange(1, 1000);
    m_trials->setObjectName(QStringLiteral("trials"));
    m_trials->setToolTip(tr("Random-search configurations per algorithm; trial 1 uses the "
                            "algorithm's defaults."));
    form->addRow(tr("Trials per algorithm:"), m_trials);
    m_objective->addItem(
        tr("ROC-AUC (higher is better)"),
        QString::fromStdString(core::searchObjectiveName(core::SearchObjective::RocAuc)));
    m_objective->addItem(
        tr("Expected cost per applicant (lower is better)"),
        QString::fromStdString(core::searchObjectiveName(core::SearchObjective::ExpectedCost)));
    m_objective->setObjectName(QStringLiteral("objective"));
    m_objective->setToolTip(tr("How the best configuration of each algorithm, and the best "
                               "model overall, are chosen."));
    form->addRow(tr("Select by:"), m_objective);
    m_calibration->addItem(tr("None"), QStringLiteral("none"));
    m_calibration->addItem(tr("Platt (logistic)"), QStringLiteral("platt"));
    m_calibration->addItem(tr("Isotonic"), QStringLiteral("isotonic"));
    m_calibration->setObjectName(QStringLiteral("calibration"));
    m_calibration->setToolTip(tr("Maps model scores to probabilities of default that match "
                                 "observed bad rates; fitted on out-of-fold predictions. Platt "
                                 "is safer on small data."));
    form->addRow(tr("Calibration:"), m_calibration);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setToolTip(tr("Seeds the folds, the search and every fit: the same seed gives the "
                          "same results on any machine and thread count."));
    form->addRow(tr("Seed:"), m_seed);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setToolTip(tr("Worker threads for the search; 0 uses every core. Results do not "
                             "depend on it."));
    form->addRow(tr("Threads:"), m_threads);

    auto* featuresGroup = new QGroupBox(tr("Features"), this);
    auto* featuresForm = new QFormLayout(featuresGroup);
    m_businessVariables->setText(tr("Business variables"));
    m_businessVariables->setObjectName(QStringLiteral("businessVariables"));
    m_businessVariables->setToolTip(
        tr("Adds monthly instalment (amount / duration), amount per year of age and a "
           "duration × age band; each only when its input columns exist."));
    featuresForm->addRow(m_businessVariables);
    m_encoding->addItem(tr("One-hot (one column per category)"), QStringLiteral("onehot"));
    m_encoding->addItem(tr("Weight of Evidence"), QStringLiteral("woe"));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->setToolTip(tr("How categorical attributes become numbers. WoE = ln(%good / %bad) "
                              "per category, fitted on training folds only."));
    featuresForm->addRow(tr("Encoding:"), m_encoding);

    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setObjectName(QStringLiteral("paramsSource"));
    m_sourceLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_loadButton->setToolTip(tr("Load the setup from a params.yaml file"));
    m_saveButton->setToolTip(tr("Save this setup as a params.yaml file (also usable with the "
                                "credit-risk command line)"));
    m_resetButton->setToolTip(tr("Back to the defaults of the project's params.yaml"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_loadButton);
    fileRow->addWidget(m_saveButton);
    fileRow->addWidget(m_resetButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(algorithmsGroup);
    layout->addWidget(validationGroup);
    layout->addWidget(featuresGroup);
    layout->addLayout(fileRow);
    layout->addWidget(m_sourceLabel);
    layout->addStretch(1);

    connect(m_loadButton, &QPushButton::clicked, this, &TrainingSetupPanel::loadWithDialog);
    connect(m_saveButton, &QPushButton::clicked, this, &TrainingSetupPanel::saveWithDialog);
    connect(m_resetButton, &QPushButton::clicked, this, &TrainingSetupPanel::resetToDefaults);
    for (QSpinBox* box : {m_folds, m_repeats, m_trials, m_seed, m_threads}) {
        connect(box, &QSpinBox::valueChanged, this, &TrainingSetupPanel::changed);
    }
    for (QComboBox* box : {m_objective, m_calibration, m_encoding}) {
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingSetupPanel::changed);
    }
    connect(m_businessVariables, &QCheckBox::toggled, this, &TrainingSetupPanel::changed);

    resetToDefaults();
}

QString TrainingSetupPanel::defaultParamsPath()
{
    QStringList candidates;
#ifdef CREDIT_PARAMS_FILE
    candidates.append(QStringLiteral(CREDIT_PARAMS_FILE));
#endif
    if (QCoreApplication::instance() != nullptr) {
        candidates.append(QDir(QCoreApplication::applicationDirPath())
                              .filePath(QStringLiteral("../share/credit-risk-studio/params.yaml")));
    }
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isFile()) {
            return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return {};
}

void TrainingSetupPanel::setParamsFile(const core::ParamsFile& file, const QString& sourcePath,
                                       const QString& description)
{
    m_file = file;
    m_sourcePath = sourcePath;
    const core::TrainingParams& t = file.training;
    for (auto it = m_algorithms.cbegin(); it != m_algorithms.cend(); ++it) {
        bool on = false;
        for (const std::string& a : t.algorithms) {
            on = on || QString::fromStdString(a) == it.key();
        }
        it.value()->setChecked(on);
    }
    m_folds->setValue(int(t.folds));
    m_repeats->setValue(int(t.repeats));
    m_trials->setValue(int(t.trials));
    m_objective->setCurrentIndex(
        m_objective->findData(QString::fromStdString(core::searchObjectiveName(t.objective))));
    m_calibration->setCurrentIndex(m_calibration->findData(
        QString::fromStdString(core::calibrationMethodName(t.calibration))));
    m_seed->setValue(int(std::min<std::uint64_t>(t.seed, std::numeric_limits<int>::max())));
    m_threads->setValue(std::max(0, t.threads));
    m_businessVariables->setChecked(t.features.monthlyInstalment || t.features.amountPerAge ||
                                    t.features.durationAgeBand);
    m_encoding->setCurrentIndex(t.features.encoding == core::CategoricalEncoding::Woe ? 1 : 0);
    if (!description.isEmpty()) {
        m_sourceLabel->setText(description);
    } else {
        m_sourceLabel->setText(
            sourcePath.isEmpty()
                ? tr("Defaults: built-in (no params.yaml found)")
                : tr("Defaults from %1").arg(QDir::toNativeSeparators(sourcePath)));
    }
    m_sourceLabel->setToolTip(sourcePath);
    emit changed();
}

core::ParamsFile TrainingSetupPanel::paramsFile() const
{
    core::ParamsFile file = m_file;
    core::TrainingParams& t = file.training;
    std::vector<std::string> algorithms;
    // Keep the engine's order (ensemble last) whatever the order of the check boxes.
    for (const std::string& name : core::availableAlgorithms()) {
        const QCheckBox* box = m_algorithms.value(QString::fromStdString(name));
        if (box != nullptr && box->isChecked()) {
            algorithms.push_back(name);
        }
    }
    t.algorithms = algorithms;
    t.folds = std::size_t(m_folds->value());
    t.repeats = std::size_t(m_repeats->value());
    t.trials = std::size_t(m_trials->value());
    t.objective = core::parseSearchObjective(m_objective->currentData().toString().toStdString());
    t.calibration =
        core::parseCalibrationMethod(m_calibration->currentData().toString().toStdString());
    t.seed = std::uint64_t(m_seed->value());
    t.threads = m_threads->value();
    const bool business = m_businessVariables->isChecked();
    const bool wasOn = m_file.training.features.monthlyInstalment ||
                       m_file.training.features.amountPerAge ||
                       m_file.training.features.durationAgeBand;
    if (business != wasOn) {
        // The form has one switch for the three variables; when it is flipped, flip them all.
        t.features.monthlyInstalment = business;
        t.features.amountPerAge = business;
        t.features.durationAgeBand = business;
    }
    t.features.encoding = m_encoding->currentData().toString() == QLatin1String("woe")
                              ? core::CategoricalEncoding::Woe
                              : core::CategoricalEncoding::OneHot;
    return file;
}

bool TrainingSetupPanel::loadFile(const QString& path, QString* error)
{
    try {
        setParamsFile(core::ParamsFile::load(QFile::encodeName(path).toStdString()), path);
        return true;
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
}

bool TrainingSetupPanel::saveFile(const QString& path, QString* error) const
{
    try {
        paramsFile().save(QFile::encodeName(path).toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
}

void TrainingSetupPanel::setEditable(bool editable)
{
    const auto children = findChildren<QWidget*>();
    for (QWidget* child : children) {
        if (child != m_sourceLabel && child != m_saveButton) {
            child->setEnabled(editable);
        }
    }
}

void TrainingSetupPanel::loadWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load training setup"), QFileInfo(m_sourcePath).absolutePath(),
        tr("Params files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot load the setup"), error);
    }
}

void TrainingSetupPanel::saveWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save training setup"),
        m_sourcePath.isEmpty() ? QStringLiteral("params.yaml") : m_sourcePath,
        tr("Params files (*.yaml *.yml)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save the setup"), error);
        return;
    }
    announceSaved(this, path);
}

void TrainingSetupPanel::resetToDefaults()
{
    const QString path = defaultParamsPath();
    QString error;
    if (path.isEmpty() || !loadFile(path, &error)) {
        setParamsFile(core::ParamsFile{}, QString());
        if (!error.isEmpty()) {
            m_sourceLabel->setText(tr("Built-in defaults; %1 was refused: %2").arg(path, error));
        }
    }
}

} // namespace credit::ui
