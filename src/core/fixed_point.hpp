// A 256-bit fixed-point accumulator for the pool engine's reward-per-power sums.
//
// The engine gives each activation the difference of an accumulator between its start and its
// end. A floating accumulator loses that difference's digits when the accumulator is large and
// the activation short-lived; here additions are exact, so the only error is the truncation of
// each added double at the resolution: far below one wei of any reward (see pool.cpp for the
// formats chosen and their error bounds).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "double_double.hpp"

namespace cbm {

//! value = sum of limb[i] x 2^(64 i - FractionBits), two's complement over 256 bits: resolution
//! 2^-FractionBits, largest value 2^(255 - FractionBits). Beyond it is an overflow, not a wrap.
template <int FractionBits>
class Fixed256 {
 public:
  static constexpr int kFractionBits = FractionBits;

  constexpr Fixed256() = default;

  /// Adds a double-double (each half truncated toward zero at the resolution). Throws
  /// std::overflow_error
  /// if the sum leaves the range: the caller turns that into a clear error.
  void add(DoubleDouble x) {
    addDouble(x.hi);
    addDouble(x.lo);
    if (static_cast<std::int64_t>(limb_[3]) < 0) throw std::overflow_error("accumulator overflow");
  }

  /// this - earlier, as a double-double (accurate to 2^-106 relative); `earlier` <= this.
  DoubleDouble minus(const Fixed256& earlier) const {
    Fixed256 d;
    std::uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
      const std::uint64_t a = limb_[i], b = earlier.limb_[i];
      d.limb_[i] = a - b - borrow;
      borrow = (a < b || (a == b && borrow)) ? 1 : 0;
    }
    return d.toDoubleDouble();
  }

  DoubleDouble toDoubleDouble() const {
    if (static_cast<std::int64_t>(limb_[3]) >= 0) return magnitudeToDoubleDouble(limb_);
    return -magnitudeToDoubleDouble(negated().limb_);
  }

 private:
  Fixed256 negated() const {
    Fixed256 r;
    std::uint64_t carry = 1;
    for (int i = 0; i < 4; ++i) {
      r.limb_[i] = ~limb_[i] + carry;
      carry = (carry && r.limb_[i] == 0) ? 1 : 0;
    }
    return r;
  }

  void addMagnitude(const std::uint64_t (&m)[4], bool negative) {
    Fixed256 term;
    for (int i = 0; i < 4; ++i) term.limb_[i] = m[i];
    if (negative) term = term.negated();
    std::uint64_t carry = 0;
    for (int i = 0; i < 4; ++i) {
      const std::uint64_t a = limb_[i], b = term.limb_[i];
      const std::uint64_t s = a + b;
      const std::uint64_t t = s + carry;
      carry = (s < a || t < s) ? 1 : 0;
      limb_[i] = t;
    }
  }

  // A non-negative 256-bit value as a double-double. Reads the limbs where they are: copying a
  // just-written value costs a store-forwarding stall that showed up as the engine's top cost.
  static DoubleDouble magnitudeToDoubleDouble(const std::uint64_t (&limb)[4]) {
    int top = 3;
    while (top > 0 && limb[top] == 0) --top;
    if (limb[top] == 0) return {};
    // The 128 bits from the highest set bit down: plenty for 106, and the bits below cost
    // < 2^-127 relative.
    const int shift = __builtin_clzll(limb[top]);
    const std::uint64_t next = top > 0 ? limb[top - 1] : 0, after = top > 1 ? limb[top - 2] : 0;
    const std::uint64_t high = shift ? (limb[top] << shift) | (next >> (64 - shift)) : limb[top];
    const std::uint64_t low = shift ? (next << shift) | (after >> (64 - shift)) : next;
    const int from = 64 * (top - 1) - shift;     // the power of two of low's bit 0
    const double h = static_cast<double>(high);  // 53 of high's 64 bits, rounded
    // high - h, exact and small (|.| <= 2^10), as a signed 64-bit difference (also when h
    // rounded up to 2^64).
    const std::uint64_t hBits = h >= 0x1p64 ? 0 : static_cast<std::uint64_t>(h);
    const auto rest = static_cast<double>(static_cast<std::int64_t>(high - hBits));
    const double below = rest * 0x1p64 + static_cast<double>(low);
    const int scale = from + 64 - FractionBits;
    return DoubleDouble::quickSum(h * powerOfTwo(scale), below * powerOfTwo(scale - 64));
  }

  // 2^k for -1022 <= k <= 1023, built from its bits (exact, and cheaper than ldexp).
  static double powerOfTwo(int k) {
    const std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

  void addDouble(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    const int biased = static_cast<int>((bits >> 52) & 0x7ff);
    if (biased == 0) return;  // zero or subnormal: far below the resolution
    if (biased == 0x7ff) throw std::overflow_error("accumulator overflow");
    const std::uint64_t mantissa =
        (bits & ((std::uint64_t{1} << 52) - 1)) | (std::uint64_t{1} << 52);
    // |d| = mantissa x 2^(biased - 1075); in units of 2^-FractionBits:
    const int shift = biased - 1075 + FractionBits;
    if (shift + 53 > 255) throw std::overflow_error("accumulator overflow");
    std::uint64_t m[4] = {0, 0, 0, 0};
    if (shift >= 0) {
      const int limb = shift / 64, bit = shift % 64;
      m[limb] = mantissa << bit;
      if (bit > 0 && limb + 1 < 4) m[limb + 1] = mantissa >> (64 - bit);
    } else if (shift > -64) {
      m[0] = mantissa >> -shift;  // below the resolution: truncated
    } else {
      return;
    }
    addMagnitude(m, static_cast<std::int64_t>(bits) < 0);
  }

  std::uint64_t limb_[4] = {0, 0, 0, 0};
};

}  // namespace cbm
