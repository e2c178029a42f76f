import Testing

@Test func placeholderTimeline() {}
