// A truncated engine value held against the reference's exact one (pool_reference.hpp).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "decimal.hpp"
#include "pool_reference.hpp"

// |engine - exact| for a truncated engine value: the engine may be below by up to one wei (the
// truncation), above by under 2^-7 wei (a whole wei it took from a value a hair below), and must
// otherwise agree to 1e-24 relative: far inside SPEC 4's 1e-15.
inline void checkTruncated(cbm::Int128 engine, const reference::Float50& exact,
                           const std::string& what) {
  using reference::Float50;
  const Float50 diff = exact - Float50(cbm::toString(engine));
  const Float50 slack = std::max(Float50(0.0078125), exact * Float50(1e-24));
  INFO(what << ": engine " << cbm::toString(engine) << " exact " << exact.str(40));
  CHECK(diff > -slack);
  CHECK(diff < 1 + slack);
}

// a x b truncated to 18 decimals, in whole integers (Boost's, not the core's Decimal::times):
// what a tool's USD must be for WFI a at a price b (both >= 0).
inline cbm::Decimal truncatedProduct(const cbm::Decimal& a, const cbm::Decimal& b) {
  const cbm::BigInt raw = a.big() * b.big() / cbm::BigInt(cbm::Decimal::kScale);
  return cbm::Decimal::fromRaw(static_cast<cbm::Int128>(raw), "product");
}
