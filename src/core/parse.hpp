// Reading the values of the SPEC from text, with errors that name the field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decimal.hpp"

namespace cbm {

/// Which amounts a field accepts.
enum class Sign { any, nonNegative, positive };

/// A decimal amount (see Decimal::parse) that also obeys `sign`.
Decimal parseAmount(std::string_view text, const std::string& field, Sign sign);

/// A whole number in [min, max], written as any decimal ("86400", "8.64e4").
std::int64_t parseWhole(std::string_view text, const std::string& field, std::int64_t min,
                        std::int64_t max);

/// The same check for a value that arrived as a double (the bulk columns of a pool scenario).
std::int64_t wholeFromDouble(double value, const std::string& field, std::int64_t min,
                             std::int64_t max);

/// "a whole number from 1 to 100", "a whole number >= 0": the expectation in messages.
std::string wholeRange(std::int64_t min, std::int64_t max);

}  // namespace cbm
