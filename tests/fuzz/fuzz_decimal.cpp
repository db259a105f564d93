// Decimal text: whatever the bytes, parsing either gives a value that prints canonically and
// reads back the same, or throws InputError; arithmetic stays exact or throws.
#include <fuzzer/FuzzedDataProvider.h>

#include "check.hpp"
#include "input_error.hpp"
#include "parse.hpp"

namespace {

std::optional<cbm::Decimal> parsed(const std::string& text) {
  try {
    return cbm::Decimal::parse(text, "x");
  } catch (const cbm::InputError& e) {
    FUZZ_CHECK(std::string(e.what()).rfind("x: ", 0) == 0);
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string a = in.ConsumeRandomLengthString(64), b = in.ConsumeRemainingBytesAsString();
  const auto x = parsed(a), y = parsed(b);
  for (const auto& v : {x, y}) {
    if (!v) continue;
    const std::string text = v->str();
    FUZZ_CHECK(fuzz::canonical(text));
    FUZZ_CHECK(cbm::Decimal::parse(text, "again") == *v);
    FUZZ_CHECK(v->isWhole() == (text.find('.') == std::string::npos));
  }
  try {
    const std::int64_t n = cbm::parseWhole(a, "n", -5, 1'000'000);
    FUZZ_CHECK(n >= -5 && n <= 1'000'000);
    FUZZ_CHECK(x && x->isWhole() && x->wholePart() == n);
  } catch (const cbm::InputError&) {
  }
  if (x && y) {
    try {
      const cbm::Decimal sum = x->plus(*y, "sum");
      FUZZ_CHECK(sum.minus(*y, "back") == *x);
    } catch (const cbm::InputError&) {
      FUZZ_CHECK(std::abs(x->toDouble() + y->toDouble()) > 9e19);
    }
    try {
      const cbm::Decimal product = x->times(*y, "product");
      // Truncated toward zero: |product| <= |x y| < |product| + 1 wei.
      const cbm::BigInt exact = x->big() * y->big(), scaled = product.big() * cbm::Decimal::kScale;
      FUZZ_CHECK(abs(exact) >= abs(scaled) &&
                 abs(exact) - abs(scaled) < cbm::BigInt(cbm::Decimal::kScale));
    } catch (const cbm::InputError&) {
    }
  }
  return 0;
}
