import ClaimExtraction
import Foundation

/// What taking a document adds to the timeline, decided from its content
/// alone: a `document.received` event and a `claim.extracted` event per
/// claim.
///
/// Pure, so that the daemon, which records it (BatchIngester), and
/// `timelinectl extract`, which only shows its claims, give the same claims
/// with the same ids, and so that it is tested with values.
public struct DocumentPlan: Sendable, Equatable {
    /// The document as the log will hold it.
    public var received: DocumentReceived
    /// Its claims, in the order of their sentences.
    public var claims: [ClaimExtracted]

    /// A plan made of its parts.
    public init(received: DocumentReceived, claims: [ClaimExtracted]) {
        self.received = received
        self.claims = claims
    }

    /// Reads `content` with `extractor`.
    ///
    /// - Parameters:
    ///   - content: the document's bytes, decoded.
    ///   - name: the file name it arrived under.
    ///   - size: its size in bytes.
    ///   - extractor: the extractor to read it with.
    ///   - info: the extractor's version and lexicon, recorded with each claim.
    public init(content: DocumentContent, name: String, size: Int, extractor: ClaimExtractor, info: ExtractorInfo) {
        let extraction = extractor.extract(content.document(name: name))
        received = DocumentReceived(
            document: content.sha256, name: name, size: size,
            published: extraction.published, publishedFrom: extraction.publishedFrom,
            source: extraction.source, url: extraction.url, repairedEncoding: content.repaired)
        claims = extraction.claims.map { claim in
            ClaimExtracted(
                id: ClaimID.make(document: content.sha256, claim: claim), document: content.sha256,
                extractor: info, claim: claim)
        }
    }

    /// The events to append, in order, unnumbered (the log gives the seqs).
    public func events(recordedAt: Date) -> [Event] {
        [Event(recordedAt: recordedAt, payload: .documentReceived(received))]
            + claims.map { Event(recordedAt: recordedAt, payload: .claimExtracted($0)) }
    }

    /// The claims as `timelinectl extract` shows them: as they would be
    /// recorded, without a seq.
    public var extractedClaims: [ExtractedClaim] {
        claims.map { claim in
            ExtractedClaim(
                id: claim.id, documentName: received.name, documentSHA256: received.document,
                published: received.published, extractor: claim.extractor, claim: claim.claim)
        }
    }
}
