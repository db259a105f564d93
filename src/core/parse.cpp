#include "parse.hpp"

#include <cmath>
#include <limits>

#include "input_error.hpp"

namespace cbm {

void requireSign(Decimal value, const std::string& field, Sign sign, const std::string& text) {
  const std::string got = text.empty() ? value.str() : text;
  if (sign == Sign::positive && value <= Decimal())
    throw InputError(field, "must be greater than 0, got " + quote(got),
                     {"not-positive", {{"got", got}}});
  if (sign == Sign::nonNegative && value.isNegative())
    throw InputError(field, "must not be negative, got " + quote(got),
                     {"negative", {{"got", got}}});
}

Decimal parseAmount(std::string_view text, const std::string& field, Sign sign) {
  const Decimal value = Decimal::parse(text, field);
  requireSign(value, field, sign, std::string(text));
  return value;
}

std::string indexed(const std::string& field, std::size_t i) {
  return field + "[" + std::to_string(i) + "]";
}

std::string wholeRange(std::int64_t min, std::int64_t max) {
  if (max == std::numeric_limits<std::int64_t>::max())
    return "a whole number >= " + std::to_string(min);
  return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

namespace {
Problem wholeProblem(std::int64_t min, std::int64_t max, const std::string& got) {
  Problem p{"not-whole-in-range", {{"min", std::to_string(min)}, {"got", got}}};
  if (max != std::numeric_limits<std::int64_t>::max())
    p.params.push_back({"max", std::to_string(max)});
  return p;
}
}  // namespace

void requireWhole(std::int64_t value, const std::string& field, std::int64_t min,
                  std::int64_t max) {
  if (value < min || value > max) {
    const std::string got = std::to_string(value);
    throw InputError(field, "must be " + wholeRange(min, max) + ", got " + quote(got),
                     wholeProblem(min, max, got));
  }
}

std::int64_t parseWhole(std::string_view text, const std::string& field, std::int64_t min,
                        std::int64_t max) {
  auto fail = [&]() -> std::int64_t {
    throw InputError(field, "must be " + wholeRange(min, max) + ", got " + quote(std::string(text)),
                     wholeProblem(min, max, std::string(text)));
  };
  Decimal value;
  try {
    value = Decimal::parse(text, field);
  } catch (const InputError&) {
    return fail();
  }
  if (!value.isWhole()) return fail();
  Int128 whole = value.wholePart();
  if (whole < min || whole > max) return fail();
  return static_cast<std::int64_t>(whole);
}

std::int64_t wholeFromDouble(double value, const std::string& field, std::int64_t min,
                             std::int64_t max) {
  // Every whole number the SPEC allows is below 2^53, so a double holds it exactly.
  if (std::isfinite(value) && value == std::floor(value) && value >= static_cast<double>(min) &&
      value <= static_cast<double>(max))
    return static_cast<std::int64_t>(value);
  throw InputError(field, "must be " + wholeRange(min, max) + ", got " + quote(shortestText(value)),
                   wholeProblem(min, max, shortestText(value)));
}

}  // namespace cbm
