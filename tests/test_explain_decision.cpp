// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// core/explain, the decision layer: scorecard points, risk grades (validation, bundle round
// trip) and the cut-off analysis (optimum by hand, prior correction, profit, cancellation).
#include "eval/cost_analysis.h"
#include "explain/cutoff_analysis.h"
#include "explain/scorer.h"
#include "io/model_bundle.h"
#include "policy/decision_policy.h"

#include <QTest>

#include <cmath>

using namespace credit::core;

class TestExplainDecision : public QObject
{
    Q_OBJECT

private slots:
    void scorecardScale();
    void riskGrades();
    void riskGradeValidation();
    void scaleAndGradesTravelInTheBundle();
    void policyScalesAndValidation();
    void cutoffTextNamesTheScale();
    void cutoffOptimumByHand();
    void cutoffOptimumWithPrior();
    void cutoffProfitByHand();
    void cutoffSpreadCancels();
};

void TestExplainDecision::scorecardScale()
{
    const ScorecardScale scale;
    // factor = 20 / ln 2, offset = 600 − factor · ln 50.
    QVERIFY(std::fabs(scale.factor() - 28.853900817779268) < 1e-9);
    QVERIFY(std::fabs(scale.offset() - 487.1228762045055) < 1e-9);
    QVERIFY(std::fabs(scale.points(1.0 / 51.0) - 600.0) < 1e-9);  // odds 50:1
    QVERIFY(std::fabs(scale.points(1.0 / 101.0) - 620.0) < 1e-9); // odds 100:1
    QVERIFY(std::fabs(scale.points(0.5) - 487.1228762045055) < 1e-9);
    QVERIFY(std::fabs(scale.probability(620.0) - 1.0 / 101.0) < 1e-12);
    QVERIFY(std::fabs(scale.contributionPoints(std::log(2.0)) + 20.0) < 1e-9);
    const ScorecardScale bad{600, 0, 20};
    QCOMPARE(bad.validate().size(), std::size_t(1));
}

void TestExplainDecision::riskGrades()
{
    const RiskGrading grading;
    QCOMPARE(grading.grade(0.0).name, std::string("A"));
    QCOMPARE(grading.grade(0.0199).name, std::string("A"));
    QCOMPARE(grading.grade(0.02).name, std::string("B"));
    QCOMPARE(grading.grade(0.07).name, std::string("C"));
    QCOMPARE(grading.grade(0.15).name, std::string("D"));
    QCOMPARE(grading.grade(0.2).name, std::string("E"));
    QCOMPARE(grading.grade(1.0).name, std::string("E"));
    QCOMPARE(grading.legend().front(), std::string("A: PD < 2 % (very low risk)"));
    QCOMPARE(grading.legend().back(), std::string("E: PD >= 20 % (very high risk)"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             RiskGrading({{"A", 0.1, ""}, {"B", 0.05, ""}, {"C", 1, ""}}));
}

void TestExplainDecision::riskGradeValidation()
{
    const std::vector<RiskGrade> defaults = RiskGrading().grades();
    QVERIFY(RiskGrading::validate(defaults).empty());

    // B below A: the message sits on B and names both bounds.
    std::vector<RiskGrade> grades = defaults;
    grades[1].upperPd = 0.015;
    auto issues = RiskGrading::validate(grades);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].grade, std::size_t(1));
    QCOMPARE(issues[0].message,
             std::string("grade B: the upper PD (1.5 %) must be above grade A's (2 %)"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RiskGrading{grades});

    // Equal bounds are not strictly increasing either.
    grades = defaults;
    grades[2].upperPd = 0.05;
    issues = RiskGrading::validate(grades);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].grade, std::size_t(2));

    // Bounds stay inside (0, 1): A at 0, D at 100 % (E would be empty), NaN.
    grades = defaults;
    grades[0].upperPd = 0.0;
    issues = RiskGrading::validate(grades);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].grade, std::size_t(0));
    QVERIFY(issues[0].message.find("above 0 %") != std::string::npos);
    grades = defaults;
    grades[3].upperPd = 1.0;
    issues = RiskGrading::validate(grades);
    QCOMPARE(issues.size(), std::size_t(1));
    QCOMPARE(issues[0].grade, std::size_t(3));
    QVERIFY(issues[0].message.find("below 100 %") != std::string::npos);
    grades = defaults;
    grades[2].upperPd = std::nan("");
    QCOMPARE(RiskGrading::validate(grades).front().grade, std::size_t(2));

    // The last grade takes the rest, whatever its stored bound.
    grades = defaults;
    grades[4].upperPd = 0.3;
    const RiskGrading custom(grades);
    QCOMPARE(custom.grades().back().upperPd, 1.0);
    QCOMPARE(custom.grade(0.5).name, std::string("E"));
    QVERIFY(RiskGrading::validate({}).size() == 1);
}

void TestExplainDecision::scaleAndGradesTravelInTheBundle()
{
    ModelBundle bundle;
    // Nothing stored: the defaults.
    QVERIFY(bundle.policy.grading == RiskGrading());
    QVERIFY(bundle.policy.scale == ScorecardScale());

    std::vector<RiskGrade> grades = RiskGrading().grades();
    grades[0].upperPd = 0.01;
    grades[3].upperPd = 0.25;
    const RiskGrading custom(grades);
    const ScorecardScale scale{500.0, 20.0, 40.0};
    bundle.policy.grading = custom;
    bundle.policy.scale = scale;
    bundle.policy.threshold = 0.4;
    // The Scorer (CLI, batch scoring) takes the whole policy from the bundle.
    const ScoringSettings settings = ScoringSettings::fromBundle(bundle);
    QVERIFY(settings.policy == bundle.policy);
    QCOMPARE(settings.policy.grading.grade(0.22).name, std::string("D"));
}

void TestExplainDecision::policyScalesAndValidation()
{
    DecisionPolicy policy;
    QVERIFY(policy.validate().empty());
    QVERIFY(!policy.priorCorrected());
    QCOMPARE(policy.toPopulation(0.3), 0.3);
    // Prior correction by hand: odds 0.601/0.399 times (0.05/0.95)/(0.3/0.7).
    policy.sampleBadRate = 0.3;
    policy.populationBadRate = 0.05;
    policy.threshold = 0.601;
    const double odds = 0.601 / 0.399 * (0.05 / 0.95) / (0.3 / 0.7);
    QVERIFY(std::abs(policy.thresholdPd() - odds / (1.0 + odds)) < 1e-12);
    QVERIFY(std::abs(policy.toModelScale(policy.thresholdPd()) - 0.601) < 1e-12);
    QVERIFY(policy.rejects(0.602) && !policy.rejects(0.601));
    QCOMPARE(policy.thresholdPoints(), policy.scale.points(policy.thresholdPd()));
    // NaN rates mean "none" and compare equal.
    DecisionPolicy none;
    QVERIFY(none == DecisionPolicy());
    QVERIFY(!(none == policy));

    policy.populationBadRate = 1.0;
    policy.threshold = 1.5;
    policy.costs.badRejected = 6.0;
    policy.amountColumn.clear();
    const std::vector<std::string> problems = policy.validate();
    QCOMPARE(problems.size(), std::size_t(4));
    QVERIFY(problems[0].rfind("costs: ", 0) == 0);
    QVERIFY(problems[1].rfind("amount_column: ", 0) == 0);
    QVERIFY(problems[2].rfind("population_bad_rate: ", 0) == 0);
    QVERIFY(problems[3].rfind("threshold: ", 0) == 0);
}

void TestExplainDecision::cutoffTextNamesTheScale()
{
    DecisionPolicy policy;
    policy.threshold = 1.0 / 6.0;
    QCOMPARE(cutoffText(policy),
             std::string("PD > 16.7 % (training sample's scale; no prior correction)"));
    policy.threshold = 0.005;
    QCOMPARE(cutoffText(policy),
             std::string("PD > 0.50 % (training sample's scale; no prior correction)"));
    // Issue 13 item 8: 0.601 on the sample's scale is 15.6 % in a population with 5 % bads.
    policy.sampleBadRate = 0.3;
    policy.populationBadRate = 0.05;
    policy.threshold = 0.601;
    QCOMPARE(cutoffText(policy),
             std::string("PD > 15.6 % (population scale; 60.1 % on the training sample's scale)"));
}

void TestExplainDecision::cutoffOptimumByHand()
{
    // Accept when PD <= t. Costs: bad accepted 5, good rejected 1. Rows by PD:
    // 0.1 good, 0.2 good, 0.3 bad, 0.4 good, 0.6 bad, 0.8 bad.
    // Accepting the k lowest: k=0 → 3 goods rejected = 3/6; k=1 → 2/6; k=2 → 1/6;
    // k=3 → (5 + 1)/6; k=4 → 5/6; k=5 → 10/6; k=6 → 15/6. Optimum k=2, t = 0.2, cost 1/6.
    const CutoffAnalysis analysis({0.3, 0.1, 0.8, 0.2, 0.6, 0.4}, {1, 0, 1, 0, 1, 0}, {}, {});
    const CutoffPoint best = analysis.optimum();
    QCOMPARE(best.threshold, 0.2);
    QVERIFY(std::fabs(best.costPerApplicant - 1.0 / 6.0) < 1e-12);
    QVERIFY(std::fabs(best.acceptanceRate - 2.0 / 6.0) < 1e-12);
    QCOMPARE(best.badRateAccepted, 0.0);
    QCOMPARE(analysis.curve().size(), std::size_t(7));
    QVERIFY(std::fabs(analysis.at(0.35).costPerApplicant - 1.0) < 1e-12);
    QVERIFY(std::fabs(analysis.acceptAll().costPerApplicant - 15.0 / 6.0) < 1e-12);
    // Saving against accepting everyone: 15/6 − 1/6 per applicant.
    QVERIFY(std::fabs(analysis.savings(best, analysis.acceptAll()) - 14.0 / 6.0) < 1e-12);
    // The same optimum as the evaluation library's cost curve.
    const std::vector<double> pd{0.3, 0.1, 0.8, 0.2, 0.6, 0.4};
    const std::vector<std::uint8_t> labels{1, 0, 1, 0, 1, 0};
    QCOMPARE(costCurve(pd, labels).bestThreshold, best.threshold);
    QVERIFY(std::fabs(analysis.theoreticalThreshold() - 1.0 / 6.0) < 1e-12);
    const BootstrapInterval spread = analysis.optimumSpread(100, 7);
    QCOMPARE(spread.validResamples, std::size_t(100));
    QVERIFY(spread.lower <= spread.upper);
}

void TestExplainDecision::cutoffOptimumWithPrior()
{
    // Population bad rate 10 % vs 50 % in the sample: bads weigh 0.2, goods 1.8 (total 6).
    // k=2 → good rejected 1.8/6 = 0.3; k=3 → 0.2/6·5 + 0.3 = 0.4667; k=4 → 0.2/6·5 = 0.1667;
    // k=5 → 0.3333; k=6 → 0.5. Optimum k=4: accept up to the model PD 0.4, which is the
    // population PD 0.4·0.2 / (0.4·0.2 + 0.6·1.8) = 0.08 / 1.16.
    CutoffParams params;
    params.populationBadRate = 0.1;
    const CutoffAnalysis analysis({0.3, 0.1, 0.8, 0.2, 0.6, 0.4}, {1, 0, 1, 0, 1, 0}, {}, params);
    const CutoffPoint best = analysis.optimum();
    QVERIFY(std::fabs(best.threshold - 0.08 / 1.16) < 1e-12);
    QVERIFY(std::fabs(best.costPerApplicant - 1.0 / 6.0) < 1e-12);
    QVERIFY(std::fabs(best.acceptanceRate - (3 * 1.8 + 0.2) / 6.0) < 1e-12);
    QVERIFY(std::fabs(best.badRateAccepted - 0.2 / 5.6) < 1e-12);
    QVERIFY(std::fabs(analysis.toModelScale(best.threshold) - 0.4) < 1e-12);
}

void TestExplainDecision::cutoffProfitByHand()
{
    // Amounts 1000, 2000, 1000, 4000, 1000, 1000 by rising PD; margin 10 %, LGD 60 %.
    // k=1: 100; k=2: 300; k=3: 300 − 600 = −300; k=4: 100; k=5: −500; k=6: −1100.
    CutoffParams params;
    params.objective = CutoffObjective::Profit;
    const CutoffAnalysis analysis({0.1, 0.2, 0.3, 0.4, 0.6, 0.8}, {0, 0, 1, 0, 1, 1},
                                  {1000, 2000, 1000, 4000, 1000, 1000}, params);
    const CutoffPoint best = analysis.optimum();
    QCOMPARE(best.threshold, 0.2);
    QVERIFY(std::fabs(best.profitTotal - 300.0) < 1e-9);
    QVERIFY(std::fabs(best.profitPerApplicant - 50.0) < 1e-9);
    QVERIFY(std::fabs(analysis.acceptAll().profitTotal + 1100.0) < 1e-9);
    QVERIFY(std::fabs(analysis.savings(best, analysis.acceptAll()) - 1400.0) < 1e-9);
    QVERIFY(std::fabs(analysis.theoreticalThreshold() - 0.1 / 0.7) < 1e-12);
}

void TestExplainDecision::cutoffSpreadCancels()
{
    std::vector<double> pd;
    std::vector<std::uint8_t> labels;
    for (int i = 0; i < 200; ++i) {
        pd.push_back((i + 0.5) / 200.0);
        labels.push_back(std::uint8_t((i * 7919) % 200 < i ? 1 : 0));
    }
    const CutoffAnalysis analysis(pd, labels, {}, {});
    const BootstrapInterval plain = analysis.optimumSpread(20, 7);
    // A sink that always goes on hears every resample and changes nothing.
    std::size_t calls = 0;
    const BootstrapInterval heard =
        analysis.optimumSpread(20, 7, 0.95, [&calls](const ProgressEvent& event) {
            ++calls;
            return event.done == calls && event.total == 20 && event.stage == "bootstrap";
        });
    QCOMPARE(calls, std::size_t(20));
    QCOMPARE(heard.lower, plain.lower);
    QCOMPARE(heard.upper, plain.upper);
    // A sink that says stop ends the call with Cancelled.
    calls = 0;
    QVERIFY_THROWS_EXCEPTION(
        Cancelled, analysis.optimumSpread(20, 7, 0.95,
                                          [&calls](const ProgressEvent&) { return ++calls < 3; }));
    QCOMPARE(calls, std::size_t(3));
}

QTEST_GUILESS_MAIN(TestExplainDecision)
#include "test_explain_decision.moc"
