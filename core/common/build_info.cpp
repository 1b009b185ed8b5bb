// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/build_info.h"

#include "common/build_info_values.h" // generated at build time by write_build_info.cmake

namespace credit::core {

std::string_view projectVersion()
{
    return kBuildVersion;
}

std::string_view gitCommit()
{
    return kBuildCommit;
}

std::string versionLine(std::string_view programName)
{
    std::string line(programName);
    line += ' ';
    line += projectVersion();
    line += " (commit ";
    line += gitCommit();
    line += ')';
    return line;
}

const std::vector<ThirdPartyComponent>& thirdPartyComponents()
{
    // The versions come from the packages CMake found (see the root CMakeLists.txt).
    static const std::vector<ThirdPartyComponent> components{
        {"Eigen", CREDIT_EIGEN_VERSION, "MPL-2.0", "linear algebra, logistic regression"},
        {"dlib", CREDIT_DLIB_VERSION, "BSL-1.0 (Boost Software License)",
         "RBF support vector machine"},
        {"XGBoost", CREDIT_XGBOOST_VERSION, "Apache-2.0", "random forest, gradient boosting"},
        {"yaml-cpp", CREDIT_YAML_CPP_VERSION, "MIT", "params.yaml"},
        {"SQLite", CREDIT_SQLITE_VERSION, "public domain", "experiment history"},
    };
    return components;
}

const DatasetProvenance& bundledDatasetProvenance()
{
    static const DatasetProvenance provenance{
        "Statlog (German Credit Data)",
        "UCI Machine Learning Repository, donated by Prof. Dr. Hans Hofmann, Universität "
        "Hamburg (1994); the ARFF file as shipped by Debian's weka package",
        "CC-BY-4.0",
        "Hofmann, H. (1994). Statlog (German Credit Data). UCI Machine Learning Repository. "
        "https://doi.org/10.24432/C5NC77",
    };
    return provenance;
}

} // namespace credit::core
