// Double-double arithmetic: a value hi + lo of two doubles, about 32 significant digits, at a few
// double operations per step. It carries the pool engine's per-event arithmetic (a multiprecision
// float costs microseconds there) and the fast path of the points reward.
//
// Only IEEE +, -, x, / and exact scalings are used, never libm and never a fused multiply-add
// (the build passes -ffp-contract=off), so results are bit-identical natively and in WASM.
#pragma once

#include <cmath>
#include <cstdint>

namespace cbm {

class DoubleDouble {
 public:
  double hi = 0, lo = 0;

  constexpr DoubleDouble() = default;
  constexpr DoubleDouble(double h) : hi(h), lo(0) {}  // NOLINT: a double is a double-double
  constexpr DoubleDouble(double h, double l) : hi(h), lo(l) {}

  /// The integer n, rounded to 106 bits (exact below 2^106).
  static DoubleDouble fromInt(__int128 n) {
    const auto h = static_cast<double>(n);
    const auto rest = static_cast<double>(n - static_cast<__int128>(h));
    return quickSum(h, rest);
  }

  double toDouble() const { return hi + lo; }

  /// Sum of a and b with its rounding error: a + b == s + e exactly (Knuth).
  static DoubleDouble twoSum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
  }
  /// The same when |a| >= |b| (Dekker).
  static DoubleDouble quickSum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
  }
  /// Product of a and b with its rounding error, by Dekker's splitting (no fma).
  static DoubleDouble twoProduct(double a, double b) {
    const double p = a * b;
    const Split x(a), y(b);
    return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
  }

  friend DoubleDouble operator+(DoubleDouble a, DoubleDouble b) {
    DoubleDouble s = twoSum(a.hi, b.hi);
    const DoubleDouble t = twoSum(a.lo, b.lo);
    s.lo += t.hi;
    s = quickSum(s.hi, s.lo);
    s.lo += t.lo;
    return quickSum(s.hi, s.lo);
  }
  friend DoubleDouble operator-(DoubleDouble a) { return {-a.hi, -a.lo}; }
  friend DoubleDouble operator-(DoubleDouble a, DoubleDouble b) { return a + -b; }
  friend DoubleDouble operator*(DoubleDouble a, DoubleDouble b) {
    DoubleDouble p = twoProduct(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return quickSum(p.hi, p.lo);
  }
  friend DoubleDouble operator/(DoubleDouble a, DoubleDouble b) {
    // Long division: three quotient digits, each correcting the remainder of the last.
    const double q1 = a.hi / b.hi;
    DoubleDouble r = a - b * q1;
    const double q2 = r.hi / b.hi;
    r = r - b * q2;
    const double q3 = r.hi / b.hi;
    return quickSum(q1, q2) + q3;
  }
  /// Division by a double: cheaper than by a double-double.
  friend DoubleDouble operator/(DoubleDouble a, double b) {
    const double q1 = a.hi / b;
    const DoubleDouble p = twoProduct(q1, b);
    const DoubleDouble r = twoSum(a.hi, -p.hi);
    const double q2 = (r.hi + (r.lo + a.lo - p.lo)) / b;
    return quickSum(q1, q2);
  }
  DoubleDouble& operator+=(DoubleDouble b) { return *this = *this + b; }
  DoubleDouble& operator-=(DoubleDouble b) { return *this = *this - b; }
  DoubleDouble& operator*=(DoubleDouble b) { return *this = *this * b; }

  /// x 2^k, exact.
  DoubleDouble scaled(int k) const { return {std::ldexp(hi, k), std::ldexp(lo, k)}; }

  /// The largest integer <= this value (|value| < 2^126).
  __int128 floorToInt() const {
    const double h = std::floor(hi);
    if (h != hi) return static_cast<__int128>(h);  // |lo| < half an ulp of hi: no integer between
    return static_cast<__int128>(h) + static_cast<__int128>(std::floor(lo));
  }

 private:
  // a = hi + lo with each half on 26 bits, so their products are exact.
  struct Split {
    double hi, lo;
    explicit Split(double a) {
      const double t = 134217729.0 * a;  // 2^27 + 1
      hi = t - (t - a);
      lo = a - hi;
    }
  };
};

/// ln 2 to 106 bits.
inline const DoubleDouble kLn2{0.6931471805599453094, 2.319046813846299558e-17};

/// e^x - 1, with a relative error about 2^-100 + |x| 2^-106 (the error of ln 2), also for tiny
/// x, where 1 - e^-x would cancel. -1 below x = -800, infinite above 710. Reduction x = k ln2 + r,
/// then r / 2^10 by Taylor and ten doublings of e^r - 1 = 2 s + s^2, which keep the relative
/// accuracy of s.
DoubleDouble expm1(DoubleDouble x);

/// 2^y (0 below 2^-1100, infinite above 2^1025).
DoubleDouble exp2(DoubleDouble y);

/// ln(1 + y) for y > -1, accurate to about 2^-100 relative (also for tiny y).
DoubleDouble log1p(DoubleDouble y);

}  // namespace cbm
