/// How every human-readable output (text report, Markdown, `diff`, `init`'s comments)
/// puts a page's evidence in double quotes.
public enum EvidenceQuote {
    /// `"text"`; a text already in double quotes at both ends (JSON-LD's `"hoursAvailable":
    /// "00:00-23:59"`) is shown as it is, not as `""hoursAvailable": "00:00-23:59""`.
    public static func quoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? text : "\"" + text + "\""
    }
}
