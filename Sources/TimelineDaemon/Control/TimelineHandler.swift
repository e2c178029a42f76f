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
            try await replies.send(json: TimelineInterface.LatestReply(claims: await store.latest(filter)).json)
        case "Sources":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(json: TimelineInterface.SourcesReply(sources: await store.sources(filter)).json)
        case "Statements":
            var parameters = try call.parameters(as: TimelineInterface.StatementsParameters.self)
            parameters.filter = try await validated(parameters.filter)
            try await replies.send(TimelineInterface.StatementsReply(statements: await store.statements(parameters)))
        case "History":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(TimelineInterface.HistoryReply(series: await store.history(filter)))
        case "Claims":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            guard call.more else { return try await replies.send(json: await store.claimsReplyJSON(filter)) }
            let pages = await store.claimPages(filter, page: 1000)
            for index in 0..<max(pages.count, 1) {
                let json = pages.count == 0 ? TimelineInterface.ClaimsReply.json([]) : pages.json(index)
                try await replies.send(json: json, continues: index < pages.count - 1)
            }
        case "Documents":
            let parameters = try call.parameters(as: TimelineInterface.DocumentsParameters.self)
            let documents = try await invalidParameter { try await store.documents(parameters.document) }
            try await replies.send(TimelineInterface.DocumentsReply(documents: documents))
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

    /// Refuses a side, population, metric or rate the timeline does not
    /// know, and what ``Projections/validate(_:)`` refuses, so that a typo gets an error naming the choices rather than
    /// an empty answer.
    private func validated(_ filter: ClaimFilter) async throws -> ClaimFilter {
        let known = await store.vocabulary
        func check(_ value: String?, _ parameter: String, _ choices: Set<String>) throws {
            guard let value, !choices.contains(value) else { return }
            throw try Self.invalid(
                parameter, "unknown \(parameter) '\(value)' (known: \(choices.sorted().joined(separator: ", ")))")
        }
        try check(filter.side?.rawValue, "side", known.sides)
        try check(filter.population?.rawValue, "population", known.populations)
        try check(filter.metric?.rawValue, "metric", known.metrics)
        try check(filter.per, "per", Set([ClaimFilter.totals] + [Rate.day, .week, .month].map(\.rawValue)))
        try await invalidParameter { try await store.validate(filter) }
        return filter
    }

    /// Runs `body`, turning a ``FilterError`` into `InvalidParameter`.
    private func invalidParameter<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FilterError {
            throw try Self.invalid(error.parameter, error.message)
        }
    }

    private static func invalid(_ parameter: String, _ message: String) throws -> VarlinkError {
        try VarlinkError(
            name: TimelineInterface.Error.invalidParameter,
            encoding: TimelineInterface.InvalidParameter(parameter: parameter, message: message))
    }
}
