import ContactModel
import Testing

/// The two real pages about Gosuslugi's support line, turned into HTML
/// (scripts/seed-to-html), keep their U+2011 hyphens, U+202F spaces and placeholders.
@Suite struct SeedExtractionTests {
    @Test func seed004GivesEachNumberOnce() throws {
        let records = try Extraction.fixture("seed-004.html", region: "RU")
        #expect(records.values(.phone) == ["+74957717171", "+78005553535"])
        let tollFree = try #require(records.first { $0.value == "+78005553535" })
        #expect(tollFree.type == "toll-free")
        // Three spellings, one of them with U+2011 hyphens only, fold into one value.
        let spellings = Set([tollFree.evidence.text] + (tollFree.repeats ?? []).map(\.text))
        #expect(spellings.count == 3)
        #expect(spellings.contains("Телефон: 8‑800‑555‑35‑35 (круглосуточно, бесплатный звонок);"))
    }

    @Test func seed004FindsNothingInCodesDatesAndLaws() throws {
        let records = try Extraction.fixture("seed-004.html", region: "RU")
        for record in records where record.kind == .phone {
            for trap in ["8 (800) или 8 (495)", "ФЗ‑152", "ФЗ 152", "5 МБ", "500"] {
                #expect(!(record.raw ?? "").contains(trap))
            }
        }
        #expect(!records.contains { $0.value.hasPrefix("+7800") && $0.value.count < 12 })
        #expect(!records.contains { $0.value == "+7495" || $0.value == "+7800" })
    }

    @Test func seed004PlaceholdersAreHiddenEmails() throws {
        let records = try Extraction.fixture("seed-004.html", region: "RU")
        let hidden = try #require(records.first { $0.evidence.method == .hidden })
        #expect(hidden.kind == .email)
        #expect(1 + (hidden.repeats?.count ?? 0) == 6)
    }

    @Test func seed000() throws {
        let records = try Extraction.fixture("seed-000.html", region: "RU")
        #expect(records.values(.phone) == ["+74957778899"])
        let phone = try #require(records.first)
        #expect(phone.raw == "+7 495 777‑88‑99")
        #expect(phone.section == "Телефон горячей линии")
        #expect(phone.evidence.path == "/html/body/main/p[3]")
        #expect(records.contains { $0.evidence.method == .hidden })
    }

    @Test func regionComesFromThePageLanguageWhenNotGiven() throws {
        let records = try Extraction.fixture("seed-004.html")
        #expect(records.values(.phone) == ["+74957717171", "+78005553535"])
    }

    private func schedules(_ records: [ContactRecord], _ channels: Set<Channel>) -> Set<String> {
        Set(records.filter { $0.kind == .hours && channels.contains($0.channel) }.map(\.value))
    }

    @Test func seed000SchedulesAndChannels() throws {
        let records = try Extraction.fixture("seed-000.html", region: "RU")
        #expect(records.filter { $0.kind == .phone }.map(\.channel) == [.hotline])
        #expect(schedules(records, [.hotline, .phone]) == ["24/7"])
        #expect(records.filter { $0.kind == .email }.allSatisfy { $0.channel == .email })
    }

    @Test func seed004SchedulesAndChannels() throws {
        let records = try Extraction.fixture("seed-004.html", region: "RU")
        #expect(records.filter { $0.kind == .phone }.map(\.channel) == [.hotline, .hotline])
        #expect(schedules(records, [.hotline, .phone]).subtracting(["unspecified"]) == [
            "24/7", "Mo-Fr 08:00-20:00", "Mo-Fr 09:00-21:00",
            "Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off",
        ])
        #expect(schedules(records, [.chat]) == ["24/7", "08:00-20:00"])
        #expect(schedules(records, [.form]) == ["24/7"])
        let week = try #require(records.first { $0.value.hasPrefix("Mo-Fr 08:00-20:00; Sa") })
        #expect(week.timezone == "Europe/Moscow")
        #expect(week.evidence.text.hasPrefix("Понедельник"))
        #expect(week.evidence.text.contains(" / Суббота"))
        // "в рабочие часы" is kept as what it is, not guessed.
        #expect(records.contains { $0.kind == .hours && $0.channel == .email && $0.value == "unspecified" })
    }
}
