func extractionBenchmark(_ arguments: [String]) async throws {}
