#include "double_double.hpp"

namespace cbm {

namespace {

double magnitude(DoubleDouble x) {
  return std::fabs(x.hi);
}

// 2 atanh(z) = ln((1 + z) / (1 - z)) by its series z + z^3/3 + z^5/5 + ..., for |z| <= 0.2.
DoubleDouble twoAtanh(DoubleDouble z) {
  const DoubleDouble zz = z * z;
  DoubleDouble power = z, sum = z;
  for (int n = 3; n < 200; n += 2) {
    power *= zz;
    const DoubleDouble term = power / static_cast<double>(n);
    sum += term;
    if (magnitude(term) <= 0x1p-110 * magnitude(sum)) break;
  }
  return sum.scaled(1);
}

}  // namespace

DoubleDouble expm1(DoubleDouble x) {
  if (x.hi == 0) return x;
  // Beyond these e^x is 0 or overflows (and 2^k would not fit an int: found by UBSan).
  if (x.hi < -800) return DoubleDouble(-1.0);
  if (x.hi > 710) return DoubleDouble(HUGE_VAL);
  const double k = std::floor(x.hi / kLn2.hi + 0.5);
  DoubleDouble r = (x - kLn2 * k).scaled(-10);  // |r| < 0.35 / 1024
  DoubleDouble term = r, s = r;
  for (int n = 2; n < 30; ++n) {
    term = term * r / static_cast<double>(n);
    s += term;
    if (magnitude(term) <= 0x1p-110 * magnitude(s)) break;
  }
  for (int i = 0; i < 10; ++i) s = s * (s + 2.0);  // e^2r - 1 = (e^r - 1)(e^r + 1)
  if (k == 0) return s;
  return (s + 1.0).scaled(static_cast<int>(k)) - 1.0;
}

DoubleDouble exp2(DoubleDouble y) {
  if (y.hi < -1100) return DoubleDouble();
  if (y.hi > 1025) return DoubleDouble(HUGE_VAL);
  const double k = std::floor(y.hi + 0.5);
  const DoubleDouble r = (y - k) * kLn2;  // |r| <= ln2 / 2
  return (expm1(r) + 1.0).scaled(static_cast<int>(k));
}

DoubleDouble log1p(DoubleDouble y) {
  if (magnitude(y) < 0.4) return twoAtanh(y / (y + 2.0));  // no 1 + y: tiny y keeps its digits
  // ln(1 + y) = e ln 2 + ln m with m = (1 + y) / 2^e in [0.7, 1.42).
  const DoubleDouble w = y + 1.0;
  int e = 0;
  std::frexp(w.hi / 0.70710678118654752, &e);
  const DoubleDouble m = w.scaled(-e);
  return kLn2 * static_cast<double>(e) + twoAtanh((m - 1.0) / (m + 1.0));
}

}  // namespace cbm
