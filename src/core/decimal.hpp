// The decimal type for every amount the SPEC reports: WFI, USD, points, percentages.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace cbm {

/// A signed 128-bit integer; amounts are counted in it as multiples of 10^-18 ("wei").
using Int128 = __int128;
/// Wide integers for exact intermediate products and quotients (no amount lives in them).
using BigInt = boost::multiprecision::int512_t;

/// An amount with exactly 18 fractional digits, stored as raw x 10^-18. Results are truncated
/// toward zero (SPEC 0). The range is |value| <= 10^20: every quantity of the SPEC fits with room
/// to spare, and a result beyond it is an error, never a wrapped number.
class Decimal {
 public:
  static constexpr int kFractionDigits = 18;
  static constexpr std::int64_t kScale = 1'000'000'000'000'000'000;  // 10^18
  static const Int128 kMaxRaw;                                       // 10^38

  constexpr Decimal() = default;

  /// The amount raw x 10^-18; `what` names the quantity in the error if raw is out of range.
  static Decimal fromRaw(Int128 raw, const std::string& what = "value");
  static Decimal fromInteger(std::int64_t n) { return Decimal(Int128(n) * kScale); }

  /// Parses "12", "-0.5", "1e-7", "2.5E3": a decimal with at most 18 fractional digits. Throws
  /// InputError(field, ...) for anything else: empty, "abc", "NaN", "1e400", 19 decimals.
  static Decimal parse(std::string_view text, const std::string& field);

  /// num / den truncated toward zero to 18 decimals (den != 0); InputError(what, "too large").
  static Decimal ratio(const BigInt& num, const BigInt& den, const std::string& what);

  Int128 raw() const { return raw_; }
  BigInt big() const { return BigInt(raw_); }
  bool isWhole() const { return raw_ % kScale == 0; }
  /// The integer part (truncated toward zero).
  Int128 wholePart() const { return raw_ / kScale; }
  bool isZero() const { return raw_ == 0; }
  bool isNegative() const { return raw_ < 0; }
  double toDouble() const;

  /// Canonical text: "-12.5", "0", "51.324774404002834994" (no exponent, no trailing zeros).
  std::string str() const;

  friend bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
  friend bool operator!=(Decimal a, Decimal b) { return a.raw_ != b.raw_; }
  friend bool operator<(Decimal a, Decimal b) { return a.raw_ < b.raw_; }
  friend bool operator<=(Decimal a, Decimal b) { return a.raw_ <= b.raw_; }
  friend bool operator>(Decimal a, Decimal b) { return a.raw_ > b.raw_; }
  friend bool operator>=(Decimal a, Decimal b) { return a.raw_ >= b.raw_; }

  /// Checked sum and difference (both operands are in range, so only the result can overflow).
  Decimal plus(Decimal other, const std::string& what) const;
  Decimal minus(Decimal other, const std::string& what) const;
  /// The product truncated toward zero to 18 decimals, checked.
  Decimal times(Decimal other, const std::string& what) const;

 private:
  explicit constexpr Decimal(Int128 raw) : raw_(raw) {}
  Int128 raw_ = 0;
};

/// Decimal text of a 128-bit integer ("-170141183460469231731687303715884105728").
std::string toString(Int128 n);

/// Appends raw x 10^-18 in Decimal's canonical text ("12.5") to `out`, for bulk output.
void appendDecimal(std::string& out, Int128 raw);

/// Shortest decimal text that reads back as the same double ("0.1", "1e+21"), for messages.
std::string shortestText(double x);

}  // namespace cbm
