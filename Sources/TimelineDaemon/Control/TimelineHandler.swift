import ClaimExtraction
import Timeline
import Varlink

/// Answers `io.timelined.Timeline` from the store's projections.
struct TimelineHandler: VarlinkHandler {
    let store: TimelineStore

    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        switch call.methodName {
        case "Status":
            try await replies.send(TimelineInterface.StatusReply(status: await store.status))
        case "Latest":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(json: await store.latestReplyJSON(filter))
        case "History":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(TimelineInterface.HistoryReply(series: await store.history(filter)))
        case "Claims":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(json: await store.claimsReplyJSON(filter))
        case "Documents":
            let parameters = try call.parameters(as: TimelineInterface.DocumentsParameters.self)
            try await replies.send(TimelineInterface.DocumentsReply(documents: await store.documents(parameters.document)))
        case "Verify":
            try await replies.send(TimelineInterface.VerifyReply(report: try await LogVerification.run(store.log)))
        case "Events":
            let parameters = try call.parameters(as: TimelineInterface.EventsParameters.self)
            try await EventStream(log: store.log, followers: store.followers)
                .serve(parameters, more: call.more, replies: replies)
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }

    /// Refuses a side, population or metric the timeline does not know, so
    /// that a typo gets an error naming the choices rather than an empty answer.
    private func validated(_ filter: ClaimFilter) async throws -> ClaimFilter {
        let known = await store.vocabulary
        func check(_ value: String?, _ parameter: String, _ choices: Set<String>) throws {
            guard let value, !choices.contains(value) else { return }
            throw try VarlinkError(
                name: TimelineInterface.Error.invalidParameter,
                encoding: TimelineInterface.InvalidParameter(
                    parameter: parameter,
                    message: "unknown \(parameter) '\(value)' (known: \(choices.sorted().joined(separator: ", ")))"))
        }
        try check(filter.side?.rawValue, "side", known.sides)
        try check(filter.population?.rawValue, "population", known.populations)
        try check(filter.metric?.rawValue, "metric", known.metrics)
        return filter
    }
}
