import ContactAudit
import ContactModel

/// JUnit XML, so CI systems show findings natively: a test suite per rule, a test case
/// per rule and source (passing when the source is clean), a failure for its findings,
/// and a `sources` suite whose cases error when a page could not be read.
public struct JUnitReporter: Reporter {
    public static let id = "junit"

    public init() {}

    /// One suite of test cases, as XML lines indented for a `<testsuite>`.
    struct Suite {
        var name: String
        var cases: [String] = []
        var failures = 0
        var errors = 0
        /// Pages robots.txt keeps us from: neither passed nor failed.
        var skipped = 0

        /// ` skipped="N"`, only when there are some (reports without any stay as they were).
        var skippedAttribute: String { skipped > 0 ? " skipped=\"\(skipped)\"" : "" }
    }

    public func render(_ report: AuditReport) -> String {
        let suites = Self.suites(report, classPrefix: "")
        let rendered = suites.map { suite in
            "  <testsuite name=\"\(Self.xml(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" "
                + "errors=\"\(suite.errors)\"\(suite.skippedAttribute)>\n" + suite.cases.joined(separator: "\n")
                + (suite.cases.isEmpty ? "" : "\n")
                + "  </testsuite>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="contact-audit: \(Self.xml(report.name))" tests="\(suites.reduce(0) { $0 + $1.cases.count })" \
        failures="\(suites.reduce(0) { $0 + $1.failures })" errors="\(suites.reduce(0) { $0 + $1.errors })">
        \(rendered.joined(separator: "\n"))
        </testsuites>

        """
    }

    /// Every case of one audit in one suite (a report of several audits has a suite each).
    static func cases(_ report: AuditReport, classPrefix: String) -> Suite {
        var all = Suite(name: report.name)
        for suite in suites(report, classPrefix: classPrefix) {
            all.cases += suite.cases
            all.failures += suite.failures
            all.errors += suite.errors
            all.skipped += suite.skipped
        }
        return all
    }

    /// A suite per rule (a case per rule and source) and the `sources` suite.
    static func suites(_ report: AuditReport, classPrefix: String) -> [Suite] {
        // A page that could not be read passes or fails no rule; the sources suite says so.
        let sources = report.sources.filter(\.isRead).map(\.url)
        var suites: [Suite] = []
        for rule in report.rules {
            let findings = report.findings.filter { $0.rule == rule }
            let ruleSources = Array(Set(sources + findings.flatMap(\.sources))).sorted()
            var suite = Suite(name: rule)
            for source in ruleSources {
                let here = findings.filter { $0.sources.contains(source) }
                let name = "classname=\"\(xml(classPrefix + rule))\" name=\"\(xml(source))\""
                guard let first = here.first else {
                    suite.cases.append("    <testcase \(name)/>")
                    continue
                }
                suite.failures += 1
                let message = here.count == 1 ? first.message : "\(here.count) findings: \(here.map(\.value).joined(separator: ", "))"
                let body = here.map { f in
                    "[\(f.severity.rawValue)] \(f.value) (\(f.channelLabel)): \(f.message)"
                        + f.evidence.filter { $0.source == source }.map { "\n  \($0.evidence.path) [\($0.evidence.method.rawValue)]: \($0.evidence.text)" }.joined()
                }.joined(separator: "\n")
                suite.cases.append("    <testcase \(name)>\n      <failure type=\"\(first.severity.rawValue)\" message=\"\(xml(message))\">"
                                   + xml(body) + "</failure>\n    </testcase>")
            }
            suites.append(suite)
        }
        var sourceSuite = Suite(name: "sources")
        for source in report.sources {
            let name = "classname=\"\(xml(classPrefix + "sources"))\" name=\"\(xml(source.url))\""
            if let error = source.error {
                sourceSuite.errors += 1
                sourceSuite.cases.append("    <testcase \(name)>\n      <error message=\"\(xml(error))\"/>\n    </testcase>")
            } else if source.kind == .skipped {
                sourceSuite.skipped += 1
                sourceSuite.cases.append("    <testcase \(name)>\n      <skipped message=\"\(xml(source.detail))\"/>\n    </testcase>")
            } else if source.kind != .ok {
                // Unreadable pages are errors; a page cut short is read, but not whole.
                let element = source.isRead ? "failure" : "error"
                if source.isRead { sourceSuite.failures += 1 } else { sourceSuite.errors += 1 }
                sourceSuite.cases.append("    <testcase \(name)>\n      <\(element) type=\"\(source.status)\" "
                                         + "message=\"\(xml(source.status + ": " + source.detail))\"/>\n    </testcase>")
            } else {
                sourceSuite.cases.append("    <testcase \(name)/>")
            }
        }
        suites.append(sourceSuite)
        return suites
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
