#include "threads.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "io.hpp"

namespace greenapply::cli {

round::ForEach threads_for_each(unsigned jobs) {
  return [jobs](std::size_t count, const std::function<void(std::size_t)>& body) {
    const std::size_t workers = std::min<std::size_t>(jobs, count);
    if (workers <= 1) {
      for (std::size_t i = 0; i < count; ++i) body(i);
      return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first;
    std::mutex first_lock;
    auto work = [&] {
      for (std::size_t i; !failed && (i = next.fetch_add(1)) < count;) {
        try {
          body(i);
        } catch (...) {
          const std::lock_guard<std::mutex> hold(first_lock);
          if (!first) first = std::current_exception();
          failed = true;
        }
      }
    };
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
    work();  // the calling thread is one of the workers
    for (auto& t : threads) t.join();
    if (first) std::rethrow_exception(first);
  };
}

unsigned jobs_option(const std::optional<std::string>& given) {
  if (!given) return std::max(1u, std::thread::hardware_concurrency());
  const std::string& s = *given;
  unsigned n = 0;
  bool digits = !s.empty() && s.size() <= 3;
  for (char c : s) digits &= c >= '0' && c <= '9';
  if (digits) n = static_cast<unsigned>(std::stoul(s));
  if (!digits || n < 1 || n > 256) throw UsageError("--jobs: expected a number of threads from 1 to 256, got \"" + s + "\"");
  return n;
}

}  // namespace greenapply::cli
