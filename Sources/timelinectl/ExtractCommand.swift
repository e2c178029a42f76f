import ArgumentParser
import ClaimExtraction
import Foundation
import Timeline

/// Runs the extractor on files, without a daemon: the same code and lexicon
/// the daemon uses, so the claims are the ones the daemon would record.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the claims from files, offline (no daemon needed).")

    @Argument(help: ArgumentHelp("The article files to read.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp(
        "The lexicon (default: config/lexicon.yaml in a checkout, else /etc/timelined/lexicon.yaml).",
        valueName: "file"))
    var lexicon: String?

    @Flag(name: .customLong("json"), help: "Print a JSON array of claims instead of a table.")
    var json = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to extract from") }
    }

    func run() async throws {
        guard let path = lexicon ?? LexiconFile.defaultPath(executable: CommandLine.arguments[0]) else {
            throw CommandFailure(
                message: "no lexicon found: pass --lexicon FILE (config/lexicon.yaml in the checkout)",
                exitCode: CommandFailure.usage)
        }
        let loaded: LexiconFile
        do {
            loaded = try LexiconFile.load(path: path)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: CommandFailure.daemonError)
        }
        let extractor = ClaimExtractor(lexicon: loaded.lexicon)
        let info = ExtractorInfo(version: ClaimExtractor.version, lexicon: loaded.sha256)
        var found: [ExtractedClaim] = []
        var failures: [String] = []
        for file in files {
            let article: ArticleFile
            do {
                article = try ArticleFile.read(file)
            } catch {
                failures.append(error.description)
                continue
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let content = DocumentContent(bytes: article.bytes)
            if let refusal = content.refusal {
                failures.append("cannot read \(file): \(refusal.message)")
                continue
            }
            // The daemon's own plan for the document, so that the claims
            // and their ids are the ones it records.
            found += DocumentPlan(
                content: content, name: name, size: article.bytes.count, extractor: extractor, info: info
            ).extractedClaims
        }
        if json {
            // Written out a megabyte at a time: the JSON of a large file's
            // claims is several times the file.
            var writer = JSONWriter(pretty: true, capacity: 1 << 21)
            writer.openArray()
            for claim in found {
                claim.write(to: &writer)
                if writer.bytes.count >= 1 << 20 {
                    FileHandle.standardOutput.write(Data(writer.bytes))
                    writer.removeAll()
                }
            }
            writer.closeArray()
            FileHandle.standardOutput.write(Data(writer.bytes + [0x0A]))
        } else {
            Output.print(Tables.extracted(found))
        }
        if !failures.isEmpty {
            throw CommandFailure(message: failures.joined(separator: "\ntimelinectl: "), exitCode: CommandFailure.daemonError)
        }
    }
}
