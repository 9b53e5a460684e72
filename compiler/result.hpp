// Failures as values: every component returns a Result or fills a
// Diagnostics list; nothing throws across a component boundary.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace papersite {

// Process exit codes, fixed by the design.
enum class ExitCode : int {
  kOk = 0,
  kContent = 1,      // content errors (reported as diagnostics)
  kUsage = 2,        // bad command line
  kEnvironment = 3,  // no repository, shallow clone, unreadable theme, I/O
};

struct Error {
  ExitCode kind = ExitCode::kEnvironment;
  std::string message;  // lower case, no final period, names quoted
};

// Either a value or an Error. Small on purpose: ok(), value(), error().
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Done {};
using Status = Result<Done>;

inline Status ok_status() {
  return Done{};
}

}  // namespace papersite
