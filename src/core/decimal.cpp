#include "decimal.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "input_error.hpp"

namespace cbm {

namespace {

constexpr Int128 pow10i(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

const std::string kExpected = "must be a decimal number such as \"0.17\" or \"1e-7\", got ";
const std::string kLimit = "10^20";
const std::string kLimitDigits = "100000000000000000000";  // the same, for a machine to format

[[noreturn]] void throwTooLarge(const std::string& what) {
  throw InputError(what, "is too large: amounts are limited to " + kLimit,
                   {"too-large", {{"max", kLimitDigits}}});
}

}  // namespace

const Int128 Decimal::kMaxRaw = pow10i(38);

std::string quote(const std::string& text) {
  constexpr std::size_t kMax = 40;
  std::string shown = text.size() <= kMax ? text : text.substr(0, kMax) + "...";
  return "\"" + shown + "\"";
}

Decimal Decimal::fromRaw(Int128 raw, const std::string& what) {
  if (raw > kMaxRaw || raw < -kMaxRaw) throwTooLarge(what);
  return Decimal(raw);
}

Decimal Decimal::parse(std::string_view text, const std::string& field) {
  const std::string original(text);
  auto fail = [&](const std::string& reason, const char* kind) -> Decimal {
    throw InputError(field, reason, {kind, {{"got", original}}});
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  // Mantissa digits with the decimal point removed; `pointShift` counts digits after the point.
  std::string digits;
  long pointShift = 0;
  bool sawDigit = false, sawPoint = false;
  for (; i < n; ++i) {
    char c = text[i];
    if (isDigit(c)) {
      sawDigit = true;
      if (digits.empty() && c == '0') {
        if (sawPoint) ++pointShift;  // leading zeros after the point still shift
        continue;
      }
      if (digits.size() > 80)
        return fail("has too many digits, got " + quote(original), "too-many-digits");
      digits.push_back(c);
      if (sawPoint) ++pointShift;
    } else if (c == '.' && !sawPoint) {
      sawPoint = true;
    } else {
      break;
    }
  }
  if (!sawDigit) return fail(kExpected + quote(original), "not-a-number");

  long exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool expNegative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) expNegative = text[i++] == '-';
    std::size_t start = i;
    for (; i < n && isDigit(text[i]); ++i)
      if (exponent < 100000) exponent = exponent * 10 + (text[i] - '0');
    if (i == start) return fail(kExpected + quote(original), "not-a-number");
    if (expNegative) exponent = -exponent;
  }
  if (i != n) return fail(kExpected + quote(original), "not-a-number");
  if (digits.empty()) return Decimal(0);  // "0", "-0.000", "0e999"

  // value = digits x 10^(exponent - pointShift); raw = digits x 10^(that + 18).
  long shift = exponent - pointShift + kFractionDigits;
  while (shift < 0 && digits.back() == '0') {
    digits.pop_back();
    ++shift;
  }
  if (shift < 0)
    return fail("has more than 18 decimal places, got " + quote(original), "too-many-decimals");
  auto tooLarge = [&]() -> Decimal {
    throw InputError(field,
                     "is too large: amounts are limited to " + kLimit + ", got " + quote(original),
                     {"too-large", {{"got", original}, {"max", kLimitDigits}}});
  };
  if (static_cast<long>(digits.size()) + shift > 39) return tooLarge();
  // At most 39 digits: each step stays below 10 x 10^38 < 2^127 before the range check.
  Int128 raw = 0;
  for (char c : digits) {
    if (raw > kMaxRaw / 10) return tooLarge();
    raw = raw * 10 + (c - '0');
  }
  for (long k = 0; k < shift; ++k) {
    if (raw > kMaxRaw / 10) return tooLarge();
    raw *= 10;
  }
  if (raw > kMaxRaw) return tooLarge();
  return Decimal(negative ? -raw : raw);
}

Decimal Decimal::ratio(const BigInt& num, const BigInt& den, const std::string& what) {
  BigInt q = num / den;  // truncates toward zero
  if (q > BigInt(kMaxRaw) || q < -BigInt(kMaxRaw)) throwTooLarge(what);
  return Decimal(static_cast<Int128>(q));
}

Decimal Decimal::plus(Decimal other, const std::string& what) const {
  // |sum| can reach 2 x 10^38, beyond 2^127: check before adding (found by UBSan).
  if ((other.raw_ > 0 && raw_ > kMaxRaw - other.raw_) ||
      (other.raw_ < 0 && raw_ < -kMaxRaw - other.raw_))
    throwTooLarge(what);
  return Decimal(raw_ + other.raw_);
}

Decimal Decimal::minus(Decimal other, const std::string& what) const {
  return plus(Decimal(-other.raw_), what);
}

Decimal Decimal::times(Decimal other, const std::string& what) const {
  return ratio(big() * other.big(), BigInt(kScale), what);
}

namespace {

int bitLength(unsigned __int128 x) {
  const auto high = static_cast<std::uint64_t>(x >> 64), low = static_cast<std::uint64_t>(x);
  if (high) return 128 - __builtin_clzll(high);
  return low ? 64 - __builtin_clzll(low) : 0;
}

// (x + a little, if `sticky`) x 2^exponent, rounded to the nearest double (ties to even): x's
// top 64 bits, with any lower bit folded into the last one, which lies below the rounding bit.
double roundScaled(unsigned __int128 x, bool sticky, int exponent) {
  const int extra = bitLength(x) - 64;
  if (extra > 0) {
    sticky = sticky || (x & ((static_cast<unsigned __int128>(1) << extra) - 1)) != 0;
    x >>= extra;
    exponent += extra;
  }
  return std::ldexp(static_cast<double>(static_cast<std::uint64_t>(x) | (sticky ? 1 : 0)),
                    exponent);
}

}  // namespace

// raw / 10^18 = (raw / 5^18) x 2^-18, correctly rounded, in integers: strtod of the text gives
// the same double but runs musl's long-double code, microseconds a call in WASM.
double Decimal::toDouble() const {
  constexpr std::uint64_t kFive18 = 3'814'697'265'625;  // 5^18, 42 bits
  const unsigned __int128 magnitude = raw_ < 0 ? -static_cast<unsigned __int128>(raw_) : raw_;
  if (magnitude == 0) return 0;
  const unsigned __int128 q = magnitude / kFive18;
  const auto r = static_cast<std::uint64_t>(magnitude % kFive18);
  double value;
  if (q >> 64) {
    value = roundScaled(q, r != 0, -18);
  } else {
    // Enough fraction bits beside q for 64 significant ones: r x 2^shift / 5^18 stays exact
    // below 2^128, and its remainder is the sticky bit.
    const int shift = q ? 64 : 127 - bitLength(r);
    const unsigned __int128 scaled = static_cast<unsigned __int128>(r) << shift;
    value = roundScaled((q << shift) + scaled / kFive18, scaled % kFive18 != 0, -18 - shift);
  }
  return raw_ < 0 ? -value : value;
}

std::string toString(Int128 n) {
  if (n == 0) return "0";
  bool negative = n < 0;
  // Work on the magnitude as unsigned so that the most negative value is handled too.
  unsigned __int128 m = negative ? -static_cast<unsigned __int128>(n) : n;
  char buffer[48];
  int pos = sizeof buffer;
  while (m > 0) {
    buffer[--pos] = static_cast<char>('0' + static_cast<int>(m % 10));
    m /= 10;
  }
  if (negative) buffer[--pos] = '-';
  return std::string(buffer + pos, sizeof buffer - pos);
}

std::string Decimal::str() const {
  std::string text;
  appendDecimal(text, raw_);
  return text;
}

void appendDecimal(std::string& out, Int128 raw) {
  // Digits from the last, into a buffer: 39 digits, a point and a sign at most.
  char buffer[48];
  char* end = buffer + sizeof buffer;
  char* p = end;
  const unsigned __int128 magnitude = raw < 0 ? -static_cast<unsigned __int128>(raw) : raw;
  // Whole part and fraction without a generic 128-bit division (slow in WASM): a double
  // estimate of the quotient, then an exact correction.
  const auto scale = static_cast<std::uint64_t>(Decimal::kScale);
  unsigned __int128 m = static_cast<unsigned __int128>(static_cast<double>(magnitude) / 1e18);
  while (m * scale > magnitude) --m;
  while ((m + 1) * scale <= magnitude) ++m;
  auto fraction = static_cast<std::uint64_t>(magnitude - m * scale);
  if (fraction != 0) {
    int digits = Decimal::kFractionDigits;
    while (fraction % 10 == 0) {  // no trailing zeros
      fraction /= 10;
      --digits;
    }
    for (; digits > 0; --digits, fraction /= 10) *--p = static_cast<char>('0' + fraction % 10);
    *--p = '.';
  }
  if (m >> 64) {
    do {
      *--p = static_cast<char>('0' + static_cast<int>(m % 10));
      m /= 10;
    } while (m >> 64);
  }
  auto small = static_cast<std::uint64_t>(m);
  do {
    *--p = static_cast<char>('0' + small % 10);
    small /= 10;
  } while (small > 0);
  if (raw < 0) *--p = '-';
  out.append(p, end);
}

std::string shortestText(double x) {
  char buffer[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, x);
    if (std::strtod(buffer, nullptr) == x) break;
  }
  return buffer;
}

}  // namespace cbm
