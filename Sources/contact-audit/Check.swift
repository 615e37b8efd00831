import ArgumentParser
import ContactAudit
import ContactModel
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an audit file and report every problem with its line and column.",
        discussion: """
        AUDIT is an audit.yaml or a directory holding one. Problems are printed on standard \
        error as FILE:LINE:COLUMN: error: MESSAGE, all of them at once. Exit codes: 0 the \
        file is valid; 2 it is not, or it cannot be read.
        """
    )

    @Argument(help: "The audit file, or a directory holding audit.yaml.")
    var audit: String

    func run() async throws {
        let file = try AuditLoading.load(audit)
        print("\(file.path): valid: \(file.catalog.phones.count.counted("phone")), \(file.catalog.emails.count.counted("e-mail")), "
              + "\(file.sources.count.counted("source"))")
    }
}

/// Shared by `check` and `audit`, so an invalid file gives the same messages and exit 2.
enum AuditLoading {
    static func load(_ argument: String) throws -> AuditFile {
        do {
            return try AuditFile.load(argument)
        } catch {
            StandardError.print(error.description)
            if case .invalid(let diagnostics) = error {
                StandardError.print("\(diagnostics.count.counted("problem")) in the audit file")
            }
            throw ExitCode(2)
        }
    }
}
