import ArgumentParser
import ContactFetch

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
        subcommands: [Extract.self]
    )
}
