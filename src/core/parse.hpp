// Reading the values of the SPEC from text, with errors that name the field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

/// One row of a list given as text: its field name ("rules.schedule[1]") and its two texts.
struct TextPair {
  std::string field, first, second;
};

/// The rows of "a:b,c:d" (an empty text has none, a trailing comma ends it); InputError(
/// "<field>[i]", "must be <what>, got ...") for a row without a colon.
std::vector<TextPair> textPairs(const std::string& text, const std::string& field,
                                const std::string& what);

/// "a whole number from 1 to 100", "a whole number >= 0": the expectation in messages.
std::string wholeRange(std::int64_t min, std::int64_t max);

}  // namespace cbm
