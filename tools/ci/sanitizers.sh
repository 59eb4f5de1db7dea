#!/usr/bin/env bash
# The sanitizer tiers of CI, each in its own build directory:
#   address: ASan + UBSan over the unit, concurrency, conformance and crash tests;
#   thread:  TSan over the tests labelled `concurrency`.
# Usage: tools/ci/sanitizers.sh [address|thread]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/../.."

# -O1 as the sanitizers' own documentation advises, and line tables only (-g1): enough
# for file:line in every report, at a fraction of -O2 -g's compile time on two cores.
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo
       "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
       "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")

tiers=("$@")
[ ${#tiers[@]} -eq 0 ] && tiers=(address thread)

for tier in "${tiers[@]}"; do
  case "$tier" in
    address)
      cmake -S . -B build-asan -G Ninja "${flags[@]}" \
        -DALLIANCE_SANITIZE=address -DALLIANCE_BUILD_BENCH=OFF >/dev/null
      cmake --build build-asan
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan -L 'unit|concurrency|conformance|crash' -j2 --output-on-failure
      ;;
    thread)
      cmake -S . -B build-tsan -G Ninja "${flags[@]}" \
        -DALLIANCE_SANITIZE=thread -DALLIANCE_BUILD_BENCH=OFF >/dev/null
      cmake --build build-tsan --target concurrency_tests
      # Debian's librocksdb is not instrumented: see the suppression file.
      TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tools/ci/tsan.supp" \
        setarch "$(uname -m)" -R ctest --test-dir build-tsan -L concurrency -j2 --output-on-failure
      ;;
    *)
      echo "sanitizers.sh: unknown tier '$tier' (address or thread)" >&2
      exit 2
      ;;
  esac
done
