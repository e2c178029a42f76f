import EventLog
import Foundation
import Synchronization
import Timeline

/// A person's retraction or correction on its way from the control socket
/// to the ingest loop, the log's one writer, which checks it against the
/// projections, appends its event and answers.
///
/// Checked and appended by the same task that appends every other event,
/// so that nothing comes between the check and the append, and the
/// projections see the events in seq order.
final class EditRequest: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case retract(claim: String, reason: String)
        case correct(claim: String, changes: ClaimChanges, reason: String)

        /// The claim as the caller named it.
        var claim: String {
            switch self {
            case .retract(let claim, _), .correct(let claim, _, _): claim
            }
        }
    }

    let kind: Kind
    let editor: Editor
    private let reply: Mutex<CheckedContinuation<ClaimRecord, any Error>?>

    init(_ kind: Kind, by editor: Editor, reply: CheckedContinuation<ClaimRecord, any Error>) {
        self.kind = kind
        self.editor = editor
        self.reply = Mutex(reply)
    }

    /// Answers the caller; later answers are ignored.
    func finish(_ result: Result<ClaimRecord, any Error>) {
        reply.withLock { reply in
            reply?.resume(with: result)
            reply = nil
        }
    }

    static func == (a: EditRequest, b: EditRequest) -> Bool { a === b }

    /// Posts an edit to the ingest loop and waits for its answer: the
    /// claim as it stands after the edit.
    ///
    /// - Throws: ``EditError`` when the projections refuse it;
    ///   ``EditUnavailable`` when the daemon stops first or the log refuses
    ///   the append.
    static func submit(_ kind: Kind, by editor: Editor, to mailbox: Mailbox) async throws -> ClaimRecord {
        try await withCheckedThrowingContinuation { continuation in
            mailbox.post(.edit(EditRequest(kind, by: editor, reply: continuation)))
        }
    }
}

/// An edit that could not be made for a reason that is not its own.
struct EditUnavailable: Error, CustomStringConvertible {
    var description: String
}

extension BatchIngester {
    /// Makes a person's edit: checks it against the store's projections,
    /// appends its event durably, applies it, and answers the request.
    ///
    /// - Throws: the ``EventLogError`` of an append the log refused (the
    ///   request is answered first): the log takes no more appends.
    func record(_ request: EditRequest, log: EventLog, store: TimelineStore) async throws {
        let payload: Event.Payload
        do {
            payload = try await store.edit(request.kind, by: request.editor)
        } catch {
            return request.finish(.failure(error))
        }
        let event = Event(recordedAt: .now, payload: payload)
        do {
            let encoded = try EventCodec().encode(event)
            try requireSpace(encoded.count)
            _ = try await record([event], encoded: [encoded], log: log, store: store)
        } catch let error as EventLogError {
            request.finish(.failure(EditUnavailable(description: "the event log refused the append: \(error)")))
            throw error
        } catch {
            return request.finish(.failure(EditUnavailable(description: "\(error)")))
        }
        let claim: String
        switch payload {
        case .claimRetracted(let retracted): claim = retracted.claim
        case .claimCorrected(let corrected): claim = corrected.claim
        default: preconditionFailure("an edit is a retraction or a correction")
        }
        guard let record = await store.claim(id: claim) else {
            preconditionFailure("an edited claim is in the projections")
        }
        logger.notice(payload.type == .claimRetracted ? "claim retracted" : "claim corrected", metadata: [
            "claim": "\(claim)", "seq": "\(record.retraction?.seq ?? record.correction?.edit.seq ?? 0)",
            "editor_uid": "\(request.editor.uid)", "editor": "\(request.editor.user ?? "-")",
            "reason": "\(record.retraction?.reason ?? record.correction?.edit.reason ?? "")",
        ])
        request.finish(.success(record))
    }
}
