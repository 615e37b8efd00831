import ContactModel

/// A source that could not be read: a fetch or file error, a bot wall, a body that is not
/// a page. Without it a run whose every source failed said "no findings" and passed.
public struct SourceUnreadableRule: AuditRule {
    public static let description = RuleDescription(
        id: "source-unreadable",
        severity: .error,
        summary: "a source could not be read (an error, a bot wall, a body that is not a page): a warning for "
            + "third-party pages, an error for an official one unreadable on N runs in a row (default 2)",
        rationale: """
        An audit of pages it could not read checks nothing, and says so only here. A third-party page \
        that fails is worth a look; the organisation's own page failing run after run means the audit \
        has stopped watching it (moved, walled off by its own bot protection, broken).
        """,
        passing: [
            Example.audit(Example.officialPage(#"<p>Горячая линия: <a href="tel:88001007010">8 800 100-70-10</a></p>"#)),
        ],
        failing: [
            Example.audit(Example.unreadablePage(status: "blocked",
                                                 reason: "Cloudflare challenge (page title 'Just a moment...')"),
                          values: [Example.thirdParty]),
            Example.audit(Example.unreadablePage(url: Example.official, official: true, status: "error",
                                                 reason: "http-error: the server answered HTTP 404", runs: 2),
                          values: [Example.official]),
        ]
    )

    public init() {}

    public func check(_ context: AuditContext) -> [Finding] {
        context.unreadableSources.sorted { $0.source < $1.source }.map { source in
            let persistent = source.official && source.runs >= context.unreadableRunsForError
            // The count stops at the threshold (so an unchanged failure gives the same snapshot).
            let runs = source.runs == 1 ? "on this run"
                : source.runs >= context.unreadableRunsForError ? "on at least \(source.runs) runs in a row"
                : "on \(source.runs) runs in a row"
            return Finding(
                rule: Self.description.id, severity: persistent ? .error : .warning, channel: .unknown,
                value: source.source,
                // The value and the sources are the page already: the message says only what befell it.
                message: "the \(source.official ? "official " : "")page could not be read \(runs) "
                    + "(\(source.status): \(source.reason))",
                sources: [source.source], evidence: [],
                official: source.official ? "an official source is unreadable" : nil)
        }
    }
}

/// A source the run could not read, for `source-unreadable`.
public struct UnreadableSource: Sendable, Hashable {
    public var source: String
    public var official: Bool
    /// `error`, `blocked` or `not-html`.
    public var status: String
    public var reason: String
    /// Runs in a row it could not be read, this one included.
    public var runs: Int

    public init(source: String, official: Bool, status: String, reason: String, runs: Int) {
        self.source = source
        self.official = official
        self.status = status
        self.reason = reason
        self.runs = runs
    }
}
