// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/monitoring_settings.h"

#include <stdexcept>

namespace credit::core {

const char* inputStorageName(InputStorage storage)
{
    switch (storage) {
    case InputStorage::Full:
        return "full";
    case InputStorage::Hashed:
        return "hashed";
    case InputStorage::None:
        return "none";
    }
    return "full";
}

InputStorage parseInputStorage(const std::string& name)
{
    if (name == "full") {
        return InputStorage::Full;
    }
    if (name == "hashed") {
        return InputStorage::Hashed;
    }
    if (name == "none") {
        return InputStorage::None;
    }
    throw std::invalid_argument("input storage must be full, hashed or none, not \"" + name + "\"");
}

} // namespace credit::core
