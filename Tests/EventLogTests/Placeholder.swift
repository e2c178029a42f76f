import Testing

@Test func placeholderEventLog() {}
