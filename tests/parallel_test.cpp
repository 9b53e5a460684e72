#include "parallel.hpp"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace papersite;

BOOST_AUTO_TEST_SUITE(parallel)

BOOST_AUTO_TEST_CASE(every_index_runs_once) {
  for (std::size_t count : {0u, 1u, 2u, 3u, 1000u}) {
    std::vector<std::atomic<int>> calls(count);
    parallel_for(count, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < count; ++i)
      BOOST_TEST(calls[i] == 1, "index " << i << " of " << count);
  }
}

BOOST_AUTO_TEST_CASE(work_is_spread_over_the_cores) {
  if (worker_count() < 2)
    return;  // one core: nothing to spread
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> waiting{0};
  // Each call waits, for ten seconds at most, until a second one has
  // started: one thread alone would run them one after the other.
  parallel_for(2, [&](std::size_t) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    ++waiting;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (waiting < 2 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::yield();
  });
  BOOST_TEST(threads.size() == 2u);
  BOOST_TEST(waiting == 2);
}

BOOST_AUTO_TEST_CASE(a_worker_number_is_never_shared_by_two_calls_at_once) {
  std::vector<std::atomic<int>> busy(worker_count());
  std::atomic<bool> overlap{false};
  std::atomic<bool> out_of_range{false};
  parallel_for(200, [&](std::size_t, std::size_t worker) {
    if (worker >= busy.size()) {
      out_of_range = true;
      return;
    }
    if (++busy[worker] != 1)
      overlap = true;
    std::this_thread::yield();
    --busy[worker];
  });
  BOOST_TEST(!out_of_range);
  BOOST_TEST(!overlap);
}

BOOST_AUTO_TEST_CASE(an_exception_reaches_the_caller) {
  std::atomic<int> calls{0};
  // Each call takes a millisecond, far longer than a throw: the other
  // thread cannot run through the rest while the exception unwinds.
  BOOST_CHECK_THROW(
      parallel_for(100,
                   [&](std::size_t i) {
                     ++calls;
                     if (i == 3)
                       throw std::runtime_error("three");
                     std::this_thread::sleep_for(std::chrono::milliseconds(1));
                   }),
      std::runtime_error);
  BOOST_TEST(calls >= 4);  // every index up to the throw was taken
  BOOST_TEST(calls < 50);  // and most of the rest were skipped
}

BOOST_AUTO_TEST_SUITE_END()
