// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

/// The project version from CMake's `project(... VERSION ...)`, e.g. "0.1.0".
std::string_view projectVersion();

/// The git commit the binaries were built from: the short hash, with "-dirty" when the work
/// tree had uncommitted changes, or "unknown" when the source was not a git checkout (a
/// source tarball). Refreshed on every build, not only at configure time.
std::string_view gitCommit();

/// The one line both executables print for `--version`: "NAME 0.1.0 (commit abc1234)".
std::string versionLine(std::string_view programName);

/// A library the engine is built on, for Help ▸ About, `--version` and report appendices.
struct ThirdPartyComponent
{
    std::string name;    ///< "XGBoost"
    std::string version; ///< the version built against, as its CMake package or header says
    std::string licence; ///< SPDX identifier, e.g. "Apache-2.0"
    std::string use;     ///< what the engine uses it for, one short phrase
};

/// The engine's libraries (Eigen, dlib, XGBoost, yaml-cpp, SQLite), in that order. Qt is
/// the GUI's and is listed there. Versions are those found at configure time.
const std::vector<ThirdPartyComponent>& thirdPartyComponents();

/// The bundled German Credit data's origin and licence, one sentence each.
struct DatasetProvenance
{
    std::string title;    ///< "Statlog (German Credit Data)"
    std::string origin;   ///< who made it available and where
    std::string licence;  ///< SPDX identifier: "CC-BY-4.0"
    std::string citation; ///< how to cite it
};
const DatasetProvenance& bundledDatasetProvenance();

} // namespace credit::core
