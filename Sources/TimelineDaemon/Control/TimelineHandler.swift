import ClaimExtraction
import Timeline
import Varlink

/// Answers `io.timelined.Timeline` from the store's projections, and
/// hands a person's edits to the ingest loop through `mailbox`.
///
/// - Important: wrapped in an ``AuthorizingHandler`` with
///   ``AccessPolicy/timeline(editorsGroup:)``, which decides who may edit.
struct TimelineHandler: VarlinkHandler {
    let store: TimelineStore
    let mailbox: Mailbox
    let reextractor: Reextractor

    func handle(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        switch call.methodName {
        case "Status":
            try await replies.send(TimelineInterface.StatusReply(status: await store.status))
        case "Latest":
            let parameters = try call.parameters(as: TimelineInterface.AsOfParameters<ClaimFilter>.self)
            if case let (asOf, past)? = try await past(parameters.asOf) {
                let filter = try await validated(parameters.parameters, in: past)
                return try await replies.send(json: TimelineInterface.LatestReply(
                    claims: past.latest(matching: filter), asOf: asOf).json)
            }
            let filter = try await validated(parameters.parameters)
            try await replies.send(json: TimelineInterface.LatestReply(claims: await store.latest(filter)).json)
        case "Sources":
            let filter = try await validated(call.parameters(as: ClaimFilter.self))
            try await replies.send(json: TimelineInterface.SourcesReply(sources: await store.sources(filter)).json)
        case "Statements":
            var parameters = try call.parameters(as: TimelineInterface.StatementsParameters.self)
            parameters.filter = try await validated(parameters.filter)
            try await replies.send(json: TimelineInterface.StatementsReply(statements: await store.statements(parameters)).json)
        case "Chart":
            var filter = try await validated(call.parameters(as: ClaimFilter.self))
            guard let side = filter.side, let population = filter.population, let metric = filter.metric else {
                let missing = filter.side == nil ? "side" : filter.population == nil ? "population" : "metric"
                throw try Self.invalid(missing, "a chart is of one quantity: give side, population and metric")
            }
            guard filter.document == nil else { throw try Self.invalid("document", "a chart takes no document") }
            filter.per = ClaimFilter.totals
            // Drawn here, off the store's actor: the claims are values.
            let claims = await store.claims(filter)
            let title = "\(side.rawValue) \(population.rawValue) \(metric.rawValue)".lowercased()
            try await replies.send(json: TimelineInterface.ChartReply(svg: SVGChart(title: title).render(claims)).json)
        case "History":
            let parameters = try call.parameters(as: TimelineInterface.AsOfParameters<ClaimFilter>.self)
            if case let (asOf, past)? = try await past(parameters.asOf) {
                let filter = try await validated(parameters.parameters, in: past)
                return try await replies.send(TimelineInterface.HistoryReply(series: past.history(matching: filter), asOf: asOf))
            }
            let filter = try await validated(parameters.parameters)
            try await replies.send(TimelineInterface.HistoryReply(series: await store.history(filter)))
        case "Claims":
            let parameters = try call.parameters(
                as: TimelineInterface.AsOfParameters<TimelineInterface.ClaimsParameters>.self)
            let all = parameters.parameters.all
            let pages: ClaimPages
            if case let (asOf, past)? = try await past(parameters.asOf) {
                let filter = try await validated(parameters.parameters.filter, in: past)
                let positions = past.positions(matching: filter, includingRetracted: all)
                pages = ClaimPages(
                    projections: past, positions: positions, page: call.more ? 1000 : max(1, positions.count), asOf: asOf)
            } else {
                let filter = try await validated(parameters.parameters.filter)
                guard call.more else {
                    return try await replies.send(json: await store.claimsReplyJSON(filter, includingRetracted: all))
                }
                pages = await store.claimPages(filter, includingRetracted: all, page: 1000)
            }
            for index in 0..<max(pages.count, 1) {
                let json = pages.count == 0 ? TimelineInterface.ClaimsReply.json([], asOf: pages.asOf) : pages.json(index)
                try await replies.send(json: json, continues: index < pages.count - 1)
            }
        case "Documents":
            let parameters = try call.parameters(
                as: TimelineInterface.AsOfParameters<TimelineInterface.DocumentsParameters>.self)
            if case let (asOf, past)? = try await past(parameters.asOf) {
                let documents = try await invalidParameter { try past.documents(matching: parameters.parameters.document) }
                return try await replies.send(TimelineInterface.DocumentsReply(documents: documents, asOf: asOf))
            }
            let documents = try await invalidParameter { try await store.documents(parameters.parameters.document) }
            try await replies.send(TimelineInterface.DocumentsReply(documents: documents))
        case "Verify":
            try await replies.send(TimelineInterface.VerifyReply(report: try await LogVerification.run(store.log)))
        case "Events":
            let parameters = try call.parameters(as: TimelineInterface.EventsParameters.self)
            try await EventStream(log: store.log, followers: store.followers)
                .serve(parameters, more: call.more, replies: replies)
        case "Retract":
            let parameters = try call.parameters(as: TimelineInterface.RetractParameters.self)
            let claim = try await edit(.retract(claim: parameters.claim, reason: parameters.reason), call: call)
            try await replies.send(TimelineInterface.EditReply(claim: claim))
        case "Correct":
            let parameters = try call.parameters(as: TimelineInterface.CorrectParameters.self)
            let changes = try await invalidParameter { try parameters.changes() }
            let known = await store.vocabulary
            try Self.check(changes.side?.rawValue, "side", known.sides)
            try Self.check(changes.population?.rawValue, "population", known.populations)
            try Self.check(changes.metric?.rawValue, "metric", known.metrics)
            let claim = try await edit(
                .correct(claim: parameters.claim, changes: changes, reason: parameters.reason), call: call)
            try await replies.send(TimelineInterface.EditReply(claim: claim))
        case "Reextract":
            try await reextract(call, replies: replies)
        default:
            throw VarlinkError.methodNotImplemented(call.method)
        }
    }

    /// Runs a re-extraction: with `more`, a reply after each few
    /// documents; else one reply at its end with every document changed.
    private func reextract(_ call: VarlinkCall, replies: VarlinkReplies) async throws {
        let parameters = try call.parameters(as: TimelineInterface.ReextractParameters.self)
        let names = parameters.documents ?? []
        guard (parameters.all ?? false) != !names.isEmpty else {
            throw try Self.invalid("documents", "give documents to read again, or all, but not both")
        }
        let targets = try await invalidParameter { try await store.reextractionTargets(named: names) }
        let dryRun = parameters.dryRun ?? false
        var whole = TimelineInterface.ReextractReply(done: 0, total: targets.count, dryRun: dryRun)
        do {
            _ = try await reextractor.run(targets, dryRun: dryRun) { reply in
                if call.more {
                    try await replies.send(reply, continues: reply.done < reply.total)
                } else {
                    whole.done = reply.done
                    whole.documents += reply.documents
                    whole.unreadable += reply.unreadable
                }
            }
        } catch Reextractor.Refusal.running(let running) {
            throw try VarlinkError(
                name: TimelineInterface.Error.reextractionRunning,
                encoding: TimelineInterface.ReextractionRunning(done: running.done, total: running.total))
        }
        if !call.more || targets.isEmpty { try await replies.send(whole) }
    }

    /// Has the ingest loop make a person's edit, by the caller the socket
    /// reported, and turns its refusal into the interface's errors.
    private func edit(_ kind: EditRequest.Kind, call: VarlinkCall) async throws -> ClaimRecord {
        // The policy let no call without a peer this far.
        guard let peer = call.peer else { throw VarlinkError.permissionDenied }
        let editor = Editor(uid: peer.uid, user: UserDirectory.userName(of: peer.uid))
        do {
            return try await EditRequest.submit(kind, by: editor, to: mailbox)
        } catch let error as EditError {
            switch error.code {
            case .noSuchClaim:
                throw try VarlinkError(
                    name: TimelineInterface.Error.noSuchClaim,
                    encoding: TimelineInterface.NoSuchClaim(claim: error.claim, message: error.message))
            case .retracted:
                throw try VarlinkError(
                    name: TimelineInterface.Error.claimRetracted,
                    encoding: TimelineInterface.ClaimRetracted(claim: error.claim, reason: error.detail))
            case .superseded:
                throw try VarlinkError(
                    name: TimelineInterface.Error.claimSuperseded,
                    encoding: TimelineInterface.ClaimSuperseded(
                        claim: error.claim, by: error.detail.isEmpty ? nil : error.detail, message: error.message))
            default:
                throw try Self.invalid(error.detail, error.message)
            }
        }
    }

    /// The projections as of `text` and the point that is, or nil when no
    /// point was asked for (the views of now).
    /// - Throws: `InvalidParameter` (`asOf`) for a point that is not one or
    ///   that the log does not reach.
    private func past(_ text: String?) async throws -> (AsOf, Projections)? {
        guard let text else { return nil }
        guard let point = AsOfPoint(text) else {
            throw try Self.invalid("asOf", "cannot read '\(text)' as a point of the log: give \(AsOfPoint.usage)")
        }
        do {
            return try await store.past.projections(asOf: point) { [store] seq in await store.projections(at: seq) }
        } catch let error as AsOfError {
            throw try Self.invalid("asOf", error.message)
        }
    }

    /// Refuses a side, population, metric or rate the timeline does not
    /// know, and what ``Projections/validate(_:)`` refuses (in `past`, the
    /// projections of a point of the past, when given), so that a typo gets
    /// an error naming the choices rather than an empty answer.
    private func validated(_ filter: ClaimFilter, in past: Projections? = nil) async throws -> ClaimFilter {
        let known = await store.vocabulary
        try Self.check(filter.side?.rawValue, "side", known.sides)
        try Self.check(filter.population?.rawValue, "population", known.populations)
        try Self.check(filter.metric?.rawValue, "metric", known.metrics)
        try Self.check(filter.per, "per", Set([ClaimFilter.totals] + [Rate.day, .week, .month].map(\.rawValue)))
        if let past {
            try await invalidParameter { try past.validate(filter) }
        } else {
            try await invalidParameter { try await store.validate(filter) }
        }
        return filter
    }

    /// Refuses a value of `parameter` that is not among `choices`.
    private static func check(_ value: String?, _ parameter: String, _ choices: Set<String>) throws {
        guard let value, !choices.contains(value) else { return }
        throw try invalid(parameter, "unknown \(parameter) '\(value)' (known: \(choices.sorted().joined(separator: ", ")))")
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
