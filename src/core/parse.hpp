// The values of the SPEC: which amounts and whole numbers a field accepts, checked on typed
// values (the core's functions) and on text (the boundary reading a caller's input), with one
// message and one problem kind for each way a value can be wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decimal.hpp"

namespace cbm {

/// Which amounts a field accepts.
enum class Sign { any, nonNegative, positive };

/// InputError(field, ...) unless `value` obeys `sign`; `got` is the value as the caller wrote it
/// (by default its canonical text).
void requireSign(Decimal value, const std::string& field, Sign sign, const std::string& got = {});

/// InputError(field, "must be a whole number from min to max, got ...") unless min <= value <= max.
void requireWhole(std::int64_t value, const std::string& field, std::int64_t min, std::int64_t max);

/// A decimal amount (see Decimal::parse) that also obeys `sign`.
Decimal parseAmount(std::string_view text, const std::string& field, Sign sign);

/// A whole number in [min, max], written as any decimal ("86400", "8.64e4").
std::int64_t parseWhole(std::string_view text, const std::string& field, std::int64_t min,
                        std::int64_t max);

/// The same check for a value that arrived as a double (the bulk columns of a pool scenario).
std::int64_t wholeFromDouble(double value, const std::string& field, std::int64_t min,
                             std::int64_t max);

/// The field of a list's element: indexed("rules.schedule", 1) is "rules.schedule[1]".
std::string indexed(const std::string& field, std::size_t i);

/// "a whole number from 1 to 100", "a whole number >= 0": the expectation in messages.
std::string wholeRange(std::int64_t min, std::int64_t max);

}  // namespace cbm
