// The one error type of the core: bad input, named by the field it came from.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace cbm {

/// Thrown for any input the SPEC does not accept. `field` is the path of the offending value
/// ("activations[3].units"), `problem` says what is wrong and what was given.
class InputError : public std::invalid_argument {
 public:
  InputError(std::string field, const std::string& problem)
      : std::invalid_argument(field.empty() ? problem : field + ": " + problem),
        field_(std::move(field)),
        problem_(problem) {}

  const std::string& field() const noexcept { return field_; }
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::string field_;
  std::string problem_;
};

/// Quotes a user-supplied text for an error message, shortened so that a megabyte of garbage
/// does not become a megabyte of message.
std::string quote(const std::string& text);

}  // namespace cbm
