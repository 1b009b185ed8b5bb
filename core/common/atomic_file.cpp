// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace credit::core {

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::random_device rd;
    const fs::path temp = target.parent_path() /
                          ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out) {
                throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
            }
            write(out);
            out.flush();
            if (!out) {
                throw std::runtime_error(path + ": writing failed (disk full?)");
            }
        }
        std::error_code ec;
        fs::rename(temp, target, ec);
        if (ec) {
            throw std::runtime_error(path + ": cannot replace the file (" + ec.message() + ")");
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
}

void writeFileAtomically(const std::string& path, std::string_view content)
{
    writeFileAtomically(path, [content](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
}

std::string readWholeFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path + ": cannot open (" + std::strerror(errno) + ")");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        throw std::runtime_error(path + ": read error");
    }
    return std::move(buffer).str();
}

} // namespace credit::core
