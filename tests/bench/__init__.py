"""Benchmarks (not tests): ``python -m tests.bench.run [--quick]``. No timings in the test suite."""
