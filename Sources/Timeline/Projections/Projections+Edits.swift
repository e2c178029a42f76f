import ClaimExtraction

/// Why a retraction or a correction cannot be made.
public struct EditError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// No claim has the id, or several start with it.
        public static let noSuchClaim = Code(rawValue: "no_such_claim")
        /// The claim was retracted already.
        public static let retracted = Code(rawValue: "retracted")
        /// A later reading of its document replaced the claim.
        public static let superseded = Code(rawValue: "superseded")
        /// A value the edit cannot take (``parameter`` says which), or a
        /// correction that changes nothing.
        public static let invalid = Code(rawValue: "invalid")
    }

    public var code: Code
    /// The claim as the caller named it.
    public var claim: String
    /// For ``Code/invalid``: the parameter at fault; for
    /// ``Code/retracted``: the retraction's reason; for
    /// ``Code/superseded``: the claim found in its place, or empty.
    public var detail: String
    public var message: String

    public var description: String { message }
}

extension Projections {
    /// The position of the claim `wanted` names: its id, or the start of
    /// one claim's id, 6 hex digits or more (any case).
    /// - Throws: ``EditError`` with ``EditError/Code/noSuchClaim``.
    public func claimPosition(named wanted: String) throws(EditError) -> Int {
        let id = wanted.lowercased()
        if let found = claimIndex[id] { return found }
        func none(_ message: String) -> EditError {
            EditError(code: .noSuchClaim, claim: wanted, detail: "", message: message)
        }
        guard id.count >= 6, id.count < 16, id.allSatisfy(\.isHexDigit), let start = UInt64(id, radix: 16) else {
            throw none("no claim has the id '\(wanted)' (give a claim's 16 hex digits, or 6 or more of their start)")
        }
        // The ids that start with the digits: one range of the packed ids.
        let shift = UInt64(4 * (16 - id.count))
        let low = start << shift
        let high = low | ((1 << shift) - 1)
        var found: [Int] = []
        for position in claimRows.indices {
            let row = claimRows[position]
            if !row.flags.contains(.textID), (low...high).contains(row.id) {
                found.append(position)
                if found.count > 1 { break }
            }
        }
        guard found.count == 1 else {
            throw none(found.isEmpty
                ? "no claim has an id starting with '\(wanted)'"
                : "several claims have ids starting with '\(wanted)'; give more of the id")
        }
        return found[0]
    }

    /// The event that retracts the claim `wanted` names.
    /// - Throws: ``EditError``: no such claim, a claim retracted already
    ///   or superseded, an empty reason.
    public func retraction(of wanted: String, reason: String, by editor: Editor) throws(EditError) -> ClaimRetracted {
        let record = try standingClaim(wanted, reason: reason)
        return ClaimRetracted(claim: record.id, reason: reason, by: editor)
    }

    /// The event that makes `changes` to the claim `wanted` names.
    /// - Throws: ``EditError``: no such claim, a retracted claim, an empty
    ///   reason, a claim the changes would leave inconsistent (a range with
    ///   no upper figure, or one below its lower; an upper figure on a
    ///   claim that is no range), or changes that change nothing.
    public func correction(
        of wanted: String, changes: ClaimChanges, reason: String, by editor: Editor
    ) throws(EditError) -> ClaimCorrected {
        let record = try standingClaim(wanted, reason: reason)
        func invalid(_ parameter: String, _ message: String) -> EditError {
            EditError(code: .invalid, claim: wanted, detail: parameter, message: message)
        }
        guard !changes.isEmpty else {
            throw invalid("changes", "the correction names no field to change (side, population, metric, qualifier, low, high, per, speaker, stated_on)")
        }
        let corrected = changes.applied(to: record.claim)
        if corrected.qualifier == .range {
            guard let high = corrected.high else {
                throw invalid("high", "a range needs its upper figure: give high")
            }
            guard high >= corrected.low else {
                throw invalid("high", "the range's upper figure \(high) is below its lower \(corrected.low)")
            }
        } else if corrected.high != nil {
            throw invalid("high", "only a range has an upper figure: give qualifier range, or clear high")
        }
        guard ClaimFields(corrected) != ClaimFields(record.claim) else {
            throw invalid("changes", "the correction changes nothing: claim \(record.id) has these values already")
        }
        return ClaimCorrected(claim: record.id, reason: reason, by: editor, changes: changes)
    }

    /// The standing claim `wanted` names, for an edit with `reason`.
    private func standingClaim(_ wanted: String, reason: String) throws(EditError) -> ClaimRecord {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw EditError(code: .invalid, claim: wanted, detail: "reason", message: "give a reason for the edit")
        }
        let record = claims[try claimPosition(named: wanted)]
        if let retraction = record.retraction {
            throw EditError(
                code: .retracted, claim: record.id, detail: retraction.reason,
                message: "claim \(record.id) was retracted (\(retraction.reason)); a retracted claim cannot be retracted or corrected")
        }
        if let supersession = record.supersession {
            throw EditError(
                code: .superseded, claim: record.id, detail: supersession.by ?? "",
                message: "claim \(record.id) was superseded when its document was \(supersession.reason.rawValue) (seq \(supersession.seq))"
                    + (supersession.by.map { "; edit the claim found in its place, \($0)" } ?? "; it is no longer in force"))
        }
        return record
    }
}
