// WriterSlot: the single write slot of a store (one write transaction or
// import at a time in a process), taken with a timeout and released by a
// guard. A mutex + condition variable rather than std::timed_mutex, whose
// try_lock_for uses pthread_mutex_clocklock, which ThreadSanitizer in GCC 12
// does not intercept (it then reports every unlock as a bad one).
#ifndef ALLIANCE_STORAGE_WRITER_SLOT_H_
#define ALLIANCE_STORAGE_WRITER_SLOT_H_

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace alliance::storage {

class WriterSlot {
 public:
  class Guard {
   public:
    Guard() = default;
    explicit Guard(WriterSlot* slot) : slot_(slot) {}
    Guard(Guard&& other) noexcept : slot_(other.slot_) { other.slot_ = nullptr; }
    Guard& operator=(Guard&& other) noexcept {
      if (this != &other) {
        Release();
        slot_ = other.slot_;
        other.slot_ = nullptr;
      }
      return *this;
    }
    ~Guard() { Release(); }
    bool held() const { return slot_ != nullptr; }
    void Release() {
      if (slot_ != nullptr) slot_->Release();
      slot_ = nullptr;
    }

   private:
    WriterSlot* slot_ = nullptr;
  };

  // An empty guard when the slot stayed taken for `timeout`.
  Guard Acquire(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!free_.wait_for(lock, timeout, [this] { return !taken_; })) return Guard();
    taken_ = true;
    return Guard(this);
  }

 private:
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      taken_ = false;
    }
    free_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable free_;
  bool taken_ = false;
};

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_WRITER_SLOT_H_
