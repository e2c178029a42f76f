import ClaimExtraction
import Crypto
import Foundation
import Yams

/// A lexicon as read from its YAML file, with the SHA-256 of the file's
/// bytes: the hash recorded with every claim, so a claim names the exact
/// words it was found with.
public struct LexiconFile: Sendable {
    public var path: String
    public var lexicon: Lexicon
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String

    public init(path: String, lexicon: Lexicon, sha256: String) {
        self.path = path
        self.lexicon = lexicon
        self.sha256 = sha256
    }

    /// Reads and decodes the lexicon at `path`.
    ///
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong
    ///   with it (missing, not YAML, a field of the wrong shape).
    public static func load(path: String) throws -> LexiconFile {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError(file: path, message: "cannot read the lexicon: \(ConfigurationError.reason(error))")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ConfigurationError(file: path, message: "the lexicon is not UTF-8 text")
        }
        let lexicon: Lexicon
        do {
            lexicon = try YAMLDecoder().decode(Lexicon.self, from: text)
        } catch {
            throw ConfigurationError(file: path, message: "not a valid lexicon: \(YAMLErrors.describe(error))")
        }
        let names = Set(lexicon.speakers.map(\.name))
        if let speaker = lexicon.speakers.first(where: { $0.within.map { !names.contains($0) } ?? false }) {
            throw ConfigurationError(
                file: path, message: "not a valid lexicon: speaker \"\(speaker.name)\" is within \"\(speaker.within ?? "")\", which is no speaker's name")
        }
        return LexiconFile(path: path, lexicon: lexicon, sha256: hex(SHA256.hash(data: bytes)))
    }

    /// Where to find the lexicon when none is named: `config/lexicon.yaml`
    /// in the current folder (a checkout), beside a checkout's build
    /// products, then `/etc/timelined/lexicon.yaml` and
    /// `PREFIX/share/timelined/lexicon.yaml` beside an installed binary.
    ///
    /// - Parameter executable: the path of the running program.
    public static func defaultPath(executable: String) -> String? {
        let fileManager = FileManager.default
        var candidates = [fileManager.currentDirectoryPath + "/config/lexicon.yaml"]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.path + "/config/lexicon.yaml")
            candidates.append(folder.path + "/share/timelined/lexicon.yaml")
        }
        candidates.insert("/etc/timelined/lexicon.yaml", at: 1)
        return candidates.first { fileManager.isReadableFile(atPath: $0) }
    }
}

/// A configuration file that cannot be used: which file, and why.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }

    /// Why a file could not be read, in errno's words where there are some.
    public static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Turns Yams' and Codable's errors into one line a person can act on.
public enum YAMLErrors {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(let type, let context):
            return "\(path(context.codingPath)) should be \(typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            return "\(path(context.codingPath)) should be \(typeName(type)), not empty"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? context.debugDescription
                : "\(path(context.codingPath)): \(context.debugDescription)"
        case let error as YamlError:
            return "\(error)".split(separator: "\n").joined(separator: " ")
        default:
            return "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return text.isEmpty ? "the document" : "'\(text)'"
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is UInt64.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: "a \(type)"
        }
    }
}

func hex(_ digest: SHA256.Digest) -> String {
    // Written into one buffer: a string per byte, joined, cost a claim id
    // more than its hash did.
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
        var index = 0
        for byte in digest {
            buffer[index] = digits.utf8Start[Int(byte >> 4)]
            buffer[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
            index += 2
        }
        return index
    }
}
