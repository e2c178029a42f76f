func logBenchmark(_ arguments: [String]) async throws {}
