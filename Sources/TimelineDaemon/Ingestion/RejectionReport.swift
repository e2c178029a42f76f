import DurableFiles
import Foundation
import Timeline

/// What failed/NAME.error.json says: the `document.rejected` event of the
/// file beside it, so that a report can always be made again from the log.
struct RejectionReport: Encodable, Sendable, Equatable {
    var name: String
    var reason: String
    var message: String
    var size: Int?
    var rejectedAt: String
    var seq: UInt64

    enum CodingKeys: String, CodingKey {
        case name, reason, message, size
        case rejectedAt = "rejected_at"
        case seq
    }

    /// The report of a refusal as its event records it.
    init(_ rejected: DocumentRejected, seq: UInt64, recordedAt: Date) {
        name = rejected.name
        reason = rejected.reason
        message = rejected.message
        size = rejected.size
        rejectedAt = RFC3339.string(from: recordedAt)
        self.seq = seq
    }

    /// The report of a refused document as the projections hold it: the
    /// same as from its event.
    init(_ record: DocumentRecord) {
        name = record.name
        reason = record.reason ?? ""
        message = record.message ?? ""
        size = record.size
        rejectedAt = RFC3339.string(from: record.receivedAt)
        seq = record.seq
    }

    /// The reports missing beside refused files in failed/: those whose
    /// writing a stop cut short (a full disk keeps them waiting, and the
    /// wait is held in memory only). The log holds every refusal, so a
    /// start makes them again from it rather than keep a list of its own,
    /// which a full disk could not take either.
    ///
    /// A refusal counts when its file is still in failed/ under the name
    /// its event gives and nothing has the report's name: a file removed
    /// from failed/ gets no report, and a name taken by another file (a
    /// report written under the next free name) is left alone.
    ///
    /// - Parameters:
    ///   - rejected: the refused documents, in log order
    ///   (``Projections/rejectedDocuments``).
    ///   - failed: the failed/ folder.
    /// - Returns: each missing report, with the name of the file it goes beside.
    /// - Throws: a ``FileSystem/Failure`` when failed/ cannot be listed.
    static func missing(for rejected: [DocumentRecord], in failed: String) throws -> [BatchIngester.PendingReport] {
        guard !rejected.isEmpty else { return [] }
        let present = Set(try FileSystem.entries(failed))
        // Events record a name as text (stray bytes as `\xNN`), so a file is
        // found by the text of its name.
        let byText = Dictionary(present.map { ($0.text, $0) }) { first, _ in first }
        // A name given again (the first file removed from failed/ by hand)
        // is the latest refusal's.
        var latest: [FileName: RejectionReport] = [:]
        var order: [FileName] = []
        for record in rejected {
            guard let movedTo = record.movedTo, movedTo.hasPrefix("failed/"),
                  let file = byText[String(movedTo.dropFirst("failed/".count))]
            else { continue }
            if latest.updateValue(RejectionReport(record), forKey: file) == nil { order.append(file) }
        }
        return order.compactMap { file in
            present.contains(BatchIngester.reportName(for: file))
                ? nil : BatchIngester.PendingReport(movedTo: file, report: latest[file]!)
        }
    }
}
