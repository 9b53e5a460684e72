// Runs independent pieces of work on the machine's cores: reading and
// parsing paper files, rendering outputs. Callers keep their results in a
// slot per index and merge them in index order, so the output does not
// depend on which thread ran what.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace papersite {

// The threads parallel_for uses at most: the cores reported at the first
// call, at least one. Read once, so that state sized by it stays valid
// when a core comes or goes while the program runs.
inline std::size_t worker_count() {
  static const std::size_t kCount =
      std::max<std::size_t>(1, std::thread::hardware_concurrency());
  return kCount;
}

// Calls work(i) once for each i in [0, count), on up to worker_count()
// threads, and returns when all calls have; work(i, w) is also told the
// number w < worker_count() of the thread calling it, which runs one call
// at a time, so state kept per w needs no lock. `work` must be safe to
// call from several threads at once. If a call throws, the indices no
// thread has started yet are skipped and the first exception is rethrown
// here.
template <typename Work>
void parallel_for(std::size_t count, Work&& work) {
  auto call = [&work](std::size_t i, std::size_t worker) {
    if constexpr (std::is_invocable_v<Work&, std::size_t, std::size_t>)
      work(i, worker);
    else
      work(i);
  };
  std::size_t threads = std::min(worker_count(), count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i)
      call(i, 0);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](std::size_t worker) {
    for (std::size_t i; !failed && (i = next++) < count;) {
      try {
        call(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error)
          error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run, t);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those started do the work
    }
  }
  run(0);
  for (std::thread& thread : pool)
    thread.join();
  if (error)
    std::rethrow_exception(error);
}

}  // namespace papersite
