import ArgumentParser
import ContactFetch
import ContactPipeline
import Foundation

@main
struct ContactAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact-audit",
        abstract: "Find where an organisation's published phones, e-mails and hours have gone wrong.",
        discussion: """
        Exit codes: 0 ran and found nothing at or above --fail-on; 1 findings (or, for diff, \
        differences); 2 usage or configuration error, or an input that could not be read.
        """,
        version: PageFetcher.version,
        subcommands: [Extract.self, Check.self, Audit.self, Merge.self, Diff.self, Crawl.self, Init.self]
    )

    /// ArgumentParser exits with 64 (EX_USAGE) on a usage error; our contract says 2,
    /// which scripts and CI already test for.
    static func main() async {
        // Commands that extract build the extractor's tables while the arguments are parsed
        // (ExtractorWarmUp); the others never need them.
        if let command = CommandLine.arguments.dropFirst().first, ["extract", "audit", "init"].contains(command) {
            ExtractorWarmUp.start()
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
