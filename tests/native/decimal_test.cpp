// The decimal type: parsing, printing, truncation and range (SPEC 0).
#include "decimal.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <vector>

#include "calendar.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "read.hpp"

using cbm::Decimal;

namespace {
std::string roundTrip(const char* text) {
  return Decimal::parse(text, "x").str();
}
std::string errorOf(const char* text) {
  try {
    Decimal::parse(text, "price");
  } catch (const cbm::InputError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("decimal strings are read exactly, in every form a JS number prints") {
  CHECK(roundTrip("0.0001") == "0.0001");
  CHECK(Decimal::parse("0.0001", "x").raw() == 100'000'000'000'000);
  CHECK(roundTrip("51.324774404002834994") == "51.324774404002834994");
  CHECK(roundTrip("1e-7") == "0.0000001");
  CHECK(roundTrip("2.5E3") == "2500");
  CHECK(roundTrip("1e+20") == "100000000000000000000");
  CHECK(roundTrip("-0") == "0");
  CHECK(roundTrip("-0.5") == "-0.5");
  CHECK(roundTrip("+7") == "7");
  CHECK(roundTrip("000120.5000") == "120.5");
  CHECK(roundTrip(".25") == "0.25");
  CHECK(roundTrip("5.") == "5");
  CHECK(roundTrip("0e999") == "0");
  CHECK(roundTrip("1000e-21") == "0.000000000000000001");
  CHECK(roundTrip("100000000000000000000") == "100000000000000000000");  // the limit, 10^20
  CHECK(roundTrip("-100000000000000000000") == "-100000000000000000000");
  // Every digit used up to the limit: 38 digits read one by one, or 20 and 18 shifts.
  CHECK(roundTrip("99999999999999999999.999999999999999999") ==
        "99999999999999999999.999999999999999999");
  CHECK(roundTrip("99999999999999999999") == "99999999999999999999");
  CHECK(roundTrip("9.9999999999999999999999999999999999999e19") ==
        "99999999999999999999.999999999999999999");
}

TEST_CASE("bad decimal text is an InputError naming the field and the problem") {
  CHECK(errorOf("abc") ==
        "price: must be a decimal number such as \"0.17\" or \"1e-7\", got \"abc\"");
  CHECK(errorOf("") == "price: must be a decimal number such as \"0.17\" or \"1e-7\", got \"\"");
  for (const char* bad : {"NaN", "Infinity", "-Infinity", "0x10", " 5", "5 ", "1e", "1e+", ".", "-",
                          "1.2.3", "1,5", "--1"})
    CHECK_MESSAGE(errorOf(bad).find("must be a decimal number") != std::string::npos, bad);
  CHECK(errorOf("1e400") == "price: is too large: amounts are limited to 10^20, got \"1e400\"");
  CHECK(errorOf("100000000000000000000.000000000000000001").find("too large") != std::string::npos);
  CHECK(errorOf("1e-19") == "price: has more than 18 decimal places, got \"1e-19\"");
  CHECK(errorOf("0.1234567890123456789").find("more than 18 decimal places") != std::string::npos);
  CHECK(errorOf("1e-99999999999").find("more than 18 decimal places") != std::string::npos);
  CHECK(errorOf(std::string(100, '9').c_str()).find("...") != std::string::npos);  // shortened
}

TEST_CASE("arithmetic truncates toward zero and is checked") {
  Decimal third = Decimal::ratio(1, 3, "x");
  CHECK(third.raw() == 0);  // 1/3 of one wei
  CHECK(Decimal::ratio(cbm::BigInt(Decimal::kScale), 3, "x").str() == "0.333333333333333333");
  CHECK(Decimal::ratio(-cbm::BigInt(Decimal::kScale), 3, "x").str() == "-0.333333333333333333");
  Decimal a = Decimal::parse("3091.78944", "a"), b = Decimal::parse("0.17", "b");
  CHECK(a.times(b, "p").str() == "525.6042048");
  Decimal big = Decimal::parse("1e20", "x");
  CHECK_THROWS_WITH_AS(big.plus(big, "total"), "total: is too large: amounts are limited to 10^20",
                       cbm::InputError);
  CHECK_THROWS_AS(big.times(Decimal::fromInteger(2), "t"), cbm::InputError);
  CHECK(cbm::toString(-(cbm::Int128(1) << 126)) == "-85070591730234615865843651857942052864");
  CHECK(cbm::shortestText(0.1) == "0.1");
  CHECK(cbm::shortestText(2.5) == "2.5");
  CHECK(cbm::shortestText(1e21) == "1e+21");
}

namespace {
// The canonical text of raw x 10^-18 built from Boost's decimal digits of raw: an independent
// reference for Decimal::str() and appendDecimal().
std::string referenceText(cbm::Int128 raw) {
  const bool negative = raw < 0;
  std::string digits = (negative ? -cbm::BigInt(raw) : cbm::BigInt(raw)).str();
  if (digits.size() <= 18) digits = std::string(19 - digits.size(), '0') + digits;
  std::string whole = digits.substr(0, digits.size() - 18), fraction = digits.substr(whole.size());
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const std::string text = whole + (fraction.empty() ? "" : "." + fraction);
  return negative && raw != 0 ? "-" + text : text;
}
}  // namespace

TEST_CASE("printing: whole amounts, amounts a wei off a whole one, and every size") {
  // The whole part is estimated through a double, then corrected: it must be exact for every
  // whole amount (2365 once printed as "2364.") and its neighbours.
  const cbm::Int128 wei = 1, scale = Decimal::kScale;
  for (cbm::Int128 n = 0; n <= 20000; ++n) {
    for (const cbm::Int128 raw : {n * scale, n * scale - wei, n * scale + wei}) {
      REQUIRE(Decimal::fromRaw(raw).str() == referenceText(raw));
      REQUIRE(Decimal::fromRaw(-raw).str() == referenceText(-raw));
    }
  }
  CHECK(Decimal::fromInteger(2365).str() == "2365");
  // Powers of ten and their neighbours up to the limit, and large amounts beyond 2^64 wei.
  for (cbm::Int128 p = 1;; p *= 10) {
    for (const cbm::Int128 raw : {p, p - 1, p + 1, p / 3, p / 9 * 7}) {
      if (raw > Decimal::kMaxRaw) continue;
      CHECK(Decimal::fromRaw(raw).str() == referenceText(raw));
      std::string bulk = "x";
      cbm::appendDecimal(bulk, -raw);
      CHECK(bulk == "x" + referenceText(-raw));
    }
    // 10^38 = kMaxRaw is the last: one more step would overflow __int128 (UBSan says so).
    if (p > Decimal::kMaxRaw / 10) break;
  }
  CHECK(Decimal::fromRaw(Decimal::kMaxRaw).str() == "100000000000000000000");
  CHECK(Decimal::fromRaw(1).str() == "0.000000000000000001");
  CHECK(Decimal::fromRaw(-10).str() == "-0.00000000000000001");
}

TEST_CASE("sums and differences check the range to the wei; quoted text is shortened") {
  const Decimal max = Decimal::fromRaw(Decimal::kMaxRaw), wei = Decimal::fromRaw(1);
  const Decimal min = Decimal::fromRaw(-Decimal::kMaxRaw), minusWei = Decimal::fromRaw(-1);
  CHECK(max.plus(Decimal(), "s") == max);
  CHECK_THROWS_WITH(max.plus(wei, "s"), doctest::Contains("s: is too large"));
  CHECK_THROWS_WITH(max.minus(minusWei, "s"), doctest::Contains("s: is too large"));
  CHECK_THROWS_WITH(min.minus(wei, "s"), doctest::Contains("s: is too large"));
  CHECK_THROWS_WITH(min.plus(minusWei, "s"), doctest::Contains("s: is too large"));
  CHECK(min.plus(wei, "s").raw() == -Decimal::kMaxRaw + 1);
  CHECK(max.minus(max, "s").isZero());
  // quote(): the text as given, up to 40 characters, then "...".
  CHECK(cbm::quote("abc") == "\"abc\"");
  const std::string long_ = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
  CHECK(cbm::quote(long_) == "\"" + long_.substr(0, 40) + "...\"");
  CHECK(cbm::quote(long_.substr(0, 40)) == "\"" + long_.substr(0, 40) + "\"");
}

TEST_CASE("ratios and whole numbers at their limits") {
  const cbm::BigInt max = Decimal::kMaxRaw;
  CHECK(Decimal::ratio(-max, 1, "r").raw() == -Decimal::kMaxRaw);
  CHECK(Decimal::ratio(max, 1, "r").raw() == Decimal::kMaxRaw);
  CHECK_THROWS_WITH(Decimal::ratio(-max - 1, 1, "r"), doctest::Contains("r: is too large"));
  CHECK(cbm::wholeFromDouble(0, "f", 0, 10) == 0);
  CHECK(cbm::wholeFromDouble(10, "f", 0, 10) == 10);
  CHECK_THROWS_WITH(cbm::wholeFromDouble(11, "f", 0, 10),
                    "f: must be a whole number from 0 to 10, got \"11\"");
  CHECK_THROWS_WITH(cbm::wholeFromDouble(-1, "f", 0, 10), doctest::Contains("got \"-1\""));
  CHECK_THROWS_AS(cbm::wholeFromDouble(0.5, "f", 0, 10), cbm::InputError);
  // A list rule: one row reads as one entry, an empty row inside it is an error. (List rules are
  // rows now, not "a:b,c:d" text: no trailing comma to end a list, and an empty row is one
  // without its fields.)
  using Rows = std::vector<cbm::TextRow>;
  const cbm::TextRow row = {{"min", "30"}, {"weight", "1"}};
  CHECK(cbm::readPointsRules({{"checkinTiers", Rows{row}}}).checkinTiers.size() == 1);
  CHECK(cbm::readDays({}, "t").empty());
  CHECK_THROWS_WITH(cbm::readPointsRules({{"checkinTiers", Rows{row, {}}}}),
                    "rules.checkinTiers[1].min: is required");
  CHECK_THROWS_WITH(
      cbm::readPointsRules({{"checkinTiers", Rows{row, {}, {{"min", "5"}, {"weight", "2"}}}}}),
      "rules.checkinTiers[1].min: is required");
}

TEST_CASE("fromRaw checks the range both ways; more than 81 digits is its own error") {
  CHECK_THROWS_WITH(Decimal::fromRaw(Decimal::kMaxRaw + 1, "v"),
                    doctest::Contains("v: is too large"));
  CHECK_THROWS_WITH(Decimal::fromRaw(-Decimal::kMaxRaw - 1, "v"),
                    doctest::Contains("v: is too large"));
  CHECK(Decimal::fromRaw(-Decimal::kMaxRaw, "v").raw() == -Decimal::kMaxRaw);
  const std::string digits82(82, '1'), digits80 = "0." + std::string(79, '0') + "1";
  CHECK_THROWS_WITH(Decimal::parse(digits82, "x"), doctest::Contains("x: has too many digits"));
  CHECK_THROWS_WITH(Decimal::parse(digits80, "x"),
                    doctest::Contains("has more than 18 decimal places"));
}

TEST_CASE("an input error carries its problem for a machine: kind and parameters") {
  const auto problemOf = [](auto&& call) {
    try {
      call();
    } catch (const cbm::InputError& e) {
      return e.problem();
    }
    return cbm::Problem{"no error", {}};
  };
  using Params = std::vector<std::pair<std::string, std::string>>;
  CHECK(problemOf([] { Decimal::parse("1.5x", "v"); }).kind == "not-a-number");
  CHECK(problemOf([] { Decimal::parse("0.0000000000000000001", "v"); }).kind ==
        "too-many-decimals");
  CHECK(problemOf([] { Decimal::parse("1e30", "v"); }).kind == "too-large");
  CHECK(problemOf([] { Decimal::parse("1e30", "v"); }).params ==
        Params{{"got", "1e30"}, {"max", "100000000000000000000"}});
  CHECK(problemOf([] { Decimal::parse(std::string(82, '1'), "v"); }).kind == "too-many-digits");
  const cbm::Problem whole = problemOf([] { cbm::parseWhole("2.5", "n", 1, 9); });
  CHECK(whole.kind == "not-whole-in-range");
  CHECK(whole.params == Params{{"min", "1"}, {"got", "2.5"}, {"max", "9"}});
  CHECK(problemOf([] { cbm::parseAmount("-1", "a", cbm::Sign::positive); }).params ==
        Params{{"got", "-1"}});
  CHECK(problemOf([] { cbm::parseDay("2026-02-30", "d"); }).kind == "not-a-date");
  CHECK(cbm::InputError("f", "anything").problem().kind == "invalid");
}

TEST_CASE("toDouble is the correctly rounded double of the decimal, as strtod reads its text") {
  // strtod of the canonical text is the reference (correctly rounded by the C library); the
  // conversion itself works in integers. Every bit length, both signs, near powers of two and
  // halfway cases (x.5 ulp patterns come from the random low bits).
  std::mt19937_64 random(20261202);
  const auto reference = [](Decimal d) { return std::strtod(d.str().c_str(), nullptr); };
  std::vector<cbm::Int128> raws = {1,
                                   -1,
                                   2,
                                   10,
                                   999'999'999'999'999'999,
                                   Decimal::kScale,
                                   Decimal::kScale + 1,
                                   Decimal::kMaxRaw,
                                   -Decimal::kMaxRaw};
  for (int bits = 1; bits <= 126; ++bits) {
    for (int k = 0; k < 400; ++k) {
      const unsigned __int128 wide = (static_cast<unsigned __int128>(random()) << 64) |
                                     static_cast<unsigned __int128>(random());
      auto raw = static_cast<cbm::Int128>(wide >> (128 - bits));
      if (raw > Decimal::kMaxRaw) raw = Decimal::kMaxRaw - k;
      raws.push_back(k % 2 ? -raw : raw);
    }
    const auto power = static_cast<cbm::Int128>(static_cast<unsigned __int128>(1) << (bits - 1));
    if (power <= Decimal::kMaxRaw) raws.insert(raws.end(), {power - 1, power, power + 1});
  }
  // Exact ties between two doubles (integers 2^e + 2^(e-53), and 3 of those), and a wei above.
  for (int e = 54; e <= 66; ++e) {
    const cbm::Int128 one = static_cast<cbm::Int128>(1) << (e - 53);
    for (const cbm::Int128 whole :
         {(static_cast<cbm::Int128>(1) << e) + one, (static_cast<cbm::Int128>(1) << e) + 3 * one}) {
      raws.push_back(whole * Decimal::kScale);
      raws.push_back(whole * Decimal::kScale + 1);
      raws.push_back(whole * Decimal::kScale - 1);
    }
  }
  std::size_t wrong = 0;
  for (const cbm::Int128 raw : raws) {
    const Decimal d = Decimal::fromRaw(raw);
    if (d.toDouble() != reference(d)) {
      ++wrong;
      INFO(d.str());
      CHECK(d.toDouble() == reference(d));
    }
  }
  CHECK(wrong == 0);
  CHECK(raws.size() > 50'000);
  CHECK(Decimal().toDouble() == 0);
}
