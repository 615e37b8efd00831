import ContactAudit
import ContactModel

/// JUnit XML, so CI systems show findings natively: a test suite per rule, a test case
/// per rule and source (passing when the source is clean), a failure for its findings,
/// and a `sources` suite whose cases error when a page could not be read.
public struct JUnitReporter: Reporter {
    public static let id = "junit"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        // A page that could not be read passes or fails no rule; the sources suite says so.
        let sources = report.sources.filter(\.isRead).map(\.url)
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for rule in report.rules {
            let findings = report.findings.filter { $0.rule == rule }
            let ruleSources = Array(Set(sources + findings.flatMap(\.sources))).sorted()
            var cases: [String] = []
            var failures = 0
            for source in ruleSources {
                let here = findings.filter { $0.sources.contains(source) }
                let name = "classname=\"\(Self.xml(rule))\" name=\"\(Self.xml(source))\""
                guard let first = here.first else {
                    cases.append("    <testcase \(name)/>")
                    continue
                }
                failures += 1
                let message = here.count == 1 ? first.message : "\(here.count) findings: \(here.map(\.value).joined(separator: ", "))"
                let body = here.map { f in
                    "[\(f.severity.rawValue)] \(f.value) (\(f.channel.rawValue)): \(f.message)"
                        + f.evidence.filter { $0.source == source }.map { "\n  \($0.evidence.path) [\($0.evidence.method.rawValue)]: \($0.evidence.text)" }.joined()
                }.joined(separator: "\n")
                cases.append("    <testcase \(name)>\n      <failure type=\"\(first.severity.rawValue)\" message=\"\(Self.xml(message))\">"
                             + Self.xml(body) + "</failure>\n    </testcase>")
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append("  <testsuite name=\"\(Self.xml(rule))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
                          + cases.joined(separator: "\n") + (cases.isEmpty ? "" : "\n") + "  </testsuite>")
        }
        var sourceCases: [String] = []
        for source in report.sources {
            let name = "classname=\"sources\" name=\"\(Self.xml(source.url))\""
            if let error = source.error {
                totalErrors += 1
                sourceCases.append("    <testcase \(name)>\n      <error message=\"\(Self.xml(error))\"/>\n    </testcase>")
            } else {
                sourceCases.append("    <testcase \(name)/>")
            }
        }
        totalTests += sourceCases.count
        let unreadable = report.sources.count { !$0.isRead }
        suites.append("  <testsuite name=\"sources\" tests=\"\(sourceCases.count)\" failures=\"0\" errors=\"\(unreadable)\">\n"
                      + sourceCases.joined(separator: "\n") + (sourceCases.isEmpty ? "" : "\n") + "  </testsuite>")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="contact-audit: \(Self.xml(report.name))" tests="\(totalTests)" failures="\(totalFailures)" errors="\(totalErrors)">
        \(suites.joined(separator: "\n"))
        </testsuites>

        """
    }

    /// Text and attribute escaping; control characters XML 1.0 forbids are dropped, and
    /// so are DEL and the C1 controls (U+009B is the 8-bit CSI), which XML allows but a CI
    /// log showing the message in a terminal would obey.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
