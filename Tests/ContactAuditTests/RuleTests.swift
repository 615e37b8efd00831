@testable import ContactAudit
import ContactModel
import Testing

/// Cases beyond the rules' own examples: one line each, the values each rule must report.
@Suite struct RuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: any AuditRule.Type
        var records: [ContactRecord]
        var expected: [String]
        var official: Set<String> = [Example.official]
        var testDescription: String { "\(rule.description.id) → \(expected)" }
    }

    static let cases: [Case] = [
        // Catalog, deprecated, emergency and audit short numbers are all known.
        Case(rule: UnknownPhoneRule.self,
             records: [Example.phone(Example.retired), Example.phone("112"), Example.phone("+74957717171")],
             expected: ["+74957717171"]),
        Case(rule: DeprecatedPhoneRule.self, records: [Example.phone(Example.retired), Example.phone(Example.hotline)],
             expected: [Example.retired]),
        Case(rule: UnknownEmailRule.self,
             records: [Example.email("a@b.ru"), Example.email(Example.retiredEmail), Example.email("[email protected]", method: .hidden)],
             expected: ["a@b.ru"]),
        Case(rule: DeprecatedEmailRule.self, records: [Example.email(Example.retiredEmail)], expected: [Example.retiredEmail]),
        // Three catalog hotlines shown with a phone-channel number: no excess.
        Case(rule: MultipleHotlineNumbersRule.self,
             records: [Example.phone(Example.hotline), Example.phone(Example.abroad), Example.phone("115"),
                       Example.phone("+74957717171", channel: .phone)],
             expected: []),
        // 24/7 and Mo-Su 00:00-24:00 agree; unspecified agrees with everything; phone and
        // hotline are one channel.
        Case(rule: ConflictingHoursRule.self,
             records: [Example.hours("24/7"), Example.hours("Mo-Su 00:00-24:00", channel: .phone),
                       Example.hours("unspecified", channel: .phone)],
             expected: []),
        Case(rule: ConflictingHoursRule.self,
             records: [Example.hours("24/7"), Example.hours("Mo-Fr 08:00-20:00", path: "/html/body/p[2]"),
                       Example.hours("Mo-Fr 08:00-20:00", source: Example.official),
                       Example.hours("Mo-Fr 09:00-18:00", channel: .unknown)],
             expected: ["24/7 | Mo-Fr 08:00-20:00"]),
        Case(rule: HoursMismatchRule.self,
             records: [Example.hours("Mo-Fr 08:00-20:00"), Example.hours("Mo-Fr 08:00-20:00", channel: .phone, source: Example.official),
                       Example.hours("Mo-Fr 10:00-12:00", channel: .form)],
             expected: ["Mo-Fr 08:00-20:00"]),
        Case(rule: MissingOfficialContactRule.self,
             records: [Example.phone("115", source: Example.official), Example.phone("+74957717171", source: Example.thirdParty)],
             expected: []),
        Case(rule: MissingOfficialContactRule.self,
             records: [Example.phone("+74957717171", source: Example.official), Example.phone(Example.hotline)],
             expected: ["+74957274747, +78001007010, 115"]),
        // The link may be a repeat of a record whose first evidence is elsewhere.
        Case(rule: TelLinkMismatchRule.self,
             records: [repeated(Example.phone("+74957717171", path: "/html/body/h1"),
                                Evidence(method: .telLink, path: "/html/body/p/a", text: "8 800 100-70-10")),
                       Example.phone(Example.hotline, path: "/html/body/p/a/span")],
             expected: ["+74957717171"]),
        Case(rule: TelLinkMismatchRule.self,
             records: [Example.phone("+74957717171", method: .telLink, path: "/html/body/p/a"),
                       Example.phone(Example.hotline, source: Example.official, path: "/html/body/p/a")],
             expected: []),
        Case(rule: HiddenEmailRule.self,
             records: [Example.email("[email protected]", method: .hidden), Example.email("[email protected]", source: Example.official, method: .hidden)],
             expected: ["[email protected]", "[email protected]"]),
        Case(rule: NearMissPhoneRule.self,
             records: [Example.phone("+78001007001"), Example.phone("+78002007011"), Example.phone("+74995501893"),
                       Example.phone("116"), Example.phone("+78001007010")],
             expected: ["+74995501893", "+78001007001"]),
        Case(rule: SuspiciousNumberRule.self,
             records: [Example.phone("+74957777777"), Example.phone("+74957654321"), Example.phone("+74957717171"),
                       Example.phone("+78005553535"), Example.phone("+74952345678")],
             expected: ["+74952345678", "+74957654321", "+74957777777", "+78005553535"]),
    ]

    static func repeated(_ record: ContactRecord, _ evidence: Evidence) -> ContactRecord {
        var record = record
        record.repeats = [evidence]
        return record
    }

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let context = Example.context(c.records, official: c.official)
        let values = c.rule.init().check(context).map(\.value).sorted()
        #expect(values == c.expected)
    }

    @Test func conflictingHoursNamesEverySchedule() throws {
        let context = Example.context([
            Example.hours("24/7", source: Example.official),
            Example.hours("Mo-Fr 08:00-20:00", source: "a.html"),
            Example.hours("Mo-Fr 08:00-20:00", source: "b.html", path: "/html/body/div"),
            Example.hours("Mo-Fr 08:00-20:00; Sa 09:00-18:00", source: "a.html", path: "/html/body/ul"),
        ])
        let finding = try #require(ConflictingHoursRule().check(context).first)
        #expect(finding.message.contains("3 different schedules for hotline"))
        #expect(finding.message.contains("24/7 (\(Example.official))"))
        #expect(finding.message.contains("Mo-Fr 08:00-20:00 (a.html, b.html)"))
        #expect(finding.message.contains("Mo-Fr 08:00-20:00; Sa 09:00-18:00 (a.html)"))
        #expect(finding.official == "official sources state 24/7")
        #expect(finding.sources == ["a.html", "b.html", Example.official].sorted())
        #expect(finding.evidence.count == 4)
    }

    @Test func officialSideIsNamed() throws {
        let context = Example.context([Example.phone("+74957717171", source: Example.official)])
        let finding = try #require(UnknownPhoneRule().check(context).first)
        #expect(finding.official == "official sources state +74957717171")
        let thirdParty = try #require(UnknownPhoneRule().check(Example.context([Example.phone("+74957717171")])).first)
        #expect(thirdParty.official == nil)
    }

    @Test func settingsTurnRulesOffAndChangeSeverity() {
        let context = Example.context([Example.phone("+78005553535"), Example.email("[email protected]", method: .hidden)])
        let auditor = Auditor(settings: ["hidden-email": .off, "suspicious-number": .severity(.error)])
        let findings = auditor.run(context)
        #expect(!findings.contains { $0.rule == "hidden-email" })
        #expect(findings.first { $0.rule == "suspicious-number" }?.severity == .error)
        #expect(!auditor.enabledRules.contains("hidden-email"))
        #expect(findings == findings.sorted())
    }
}
