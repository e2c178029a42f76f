import Testing

@Test func placeholderClaimExtraction() {}
