import Testing
@testable import ContactDocument

@Suite struct HTMLDocumentTests {
    static let cyrillicFixtures = ["cp1251-meta.html", "cp1251-undeclared.html", "koi8r-meta.html",
                                   "koi8r-undeclared.html", "utf16le-bom.html"]

    @Test(arguments: cyrillicFixtures)
    func decodesCyrillicPages(_ name: String) throws {
        let document = try HTMLDocument(bytes: Fixture.bytes(name), source: name)
        let texts = document.blocks.map(\.text)
        #expect(texts.contains("Звоните по телефону 8 (800) 100-70-10, ежедневно."), "\(document.charset)")
        #expect(texts.contains("Почта: help@пример.рф"))
        #expect(document.language == "ru")
    }

    @Test func cyrillicSourcesAreReported() throws {
        #expect(try HTMLDocument(bytes: Fixture.bytes("cp1251-meta.html"), source: "a").charset
            == DetectedCharset(name: "windows-1251", source: .metaTag, bomLength: 0))
        #expect(try HTMLDocument(bytes: Fixture.bytes("koi8r-undeclared.html"), source: "b").charset.source == .cyrillicGuess)
        #expect(try HTMLDocument(bytes: Fixture.bytes("cp1251-undeclared.html"), source: "c").charset.name == "windows-1251")
    }

    @Test func headerCharsetWinsOverGuess() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("koi8r-undeclared.html"), source: "x",
                                        contentType: "text/html; charset=koi8-r")
        #expect(document.charset.source == .httpHeader)
        #expect(document.blocks.contains { $0.text == "Служба поддержки" })
    }

    @Test func aLyingUTF8DeclarationKeepsTheRestOfThePage() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("utf8-lie.html"), source: "lie")
        #expect(document.blocks.contains { $0.text == "Звоните по телефону 8 (800) 100-70-10, caf\u{FFFD} ежедневно." })
        #expect(document.blocks.contains { $0.text == "Служба поддержки" })
    }

    @Test func headingsAndBlocks() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("cp1251-meta.html"), source: "x")
        let paragraph = try #require(document.blocks.first { $0.text.hasPrefix("Звоните") })
        #expect(paragraph.headings == ["Служба поддержки", "Горячая линия"])
        #expect(paragraph.kind == .paragraph)
        #expect(document.path(of: paragraph.node) == "/html/body/p")
        let fax = try #require(document.blocks.first { $0.text.hasPrefix("Факс") })
        #expect(fax.kind == .listItem)
        #expect(fax.list != nil)
        #expect(document.path(of: fax.node) == "/html/body/ul/li[2]")
    }

    @Test func leavesOutWhatAReaderDoesNotSee() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("invisible.html"), source: "invisible.html")
        let text = document.blocks.map(\.text).joined(separator: "\n")
        for hidden in ["0999", "0998", "0997", "0996", "0995", "0993", "0000", "0123"] {
            #expect(!text.contains("7946 \(hidden)"), "\(hidden) should be invisible")
        }
        // A tab or accordion panel hidden by inline style until a click is read.
        #expect(text.contains("+44 20 7946 0994"))
        #expect(text.contains("Call 020 7946 0018"))
        #expect(document.language == "en-GB")
    }

    @Test func cutsLinesAtBreaks() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("invisible.html"), source: "x")
        let lines = document.blocks.filter { $0.headings == ["Contact us", "Phone"] }.map(\.text)
        #expect(lines.prefix(2) == ["Call 020 7946 0018", "or 020 7946 0019"])
        let german = try #require(document.blocks.first { $0.text.hasPrefix("Rufen") })
        #expect(german.language == "de")
    }

    @Test func exposesStructuredData() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("invisible.html"), source: "x")
        #expect(document.scripts.count == 1)
        #expect(document.scripts.first?.body.contains("+44 20 7946 0123") == true)
        let telephone = try #require(document.microdataProperties.first { $0.names == ["telephone"] })
        #expect(telephone.value == "+44 20 7946 0555")
        let contactType = try #require(document.microdataProperties.first { $0.names == ["contactType"] })
        #expect(contactType.value == "customer support")
        #expect(contactType.scope == telephone.scope)
        let scope = try #require(document.microdataScopes.first { $0.id == telephone.scope })
        #expect(scope.types == ["https://schema.org/ContactPoint"])
        #expect(scope.parent != nil)
        #expect(document.microformats.contains { $0.classes == ["tel"] && $0.text == "fax +44 20 7946 0666" })
        #expect(document.markedAttributes.first?.name == "data-cfemail")
        #expect(document.markedAttributes.first?.elementText == "[email\u{A0}protected]")
        #expect(document.links.contains { $0.href == "/cdn-cgi/l/email-protection" })
    }

    @Test func survivesBrokenMarkup() throws {
        let document = try HTMLDocument(bytes: Fixture.bytes("broken-markup.html"), source: "broken")
        let texts = document.blocks.map(\.text)
        #expect(texts.contains("9:00 - 17:00"))
        #expect(texts.contains("after html"))
        let cells = document.blocks.filter { $0.kind == .tableCell }
        #expect(cells.map(\.text) == ["Mon", "9:00 - 17:00", "Sat", "closed"])
        #expect(cells.map(\.tableColumn) == [0, 1, 0, 1])
        #expect(cells[0].tableRow == cells[1].tableRow)
        #expect(cells[1].tableRow != cells[2].tableRow)
        let link = try #require(document.links.first)
        #expect(link.href == "tel:+12125550100")
        #expect(link.text == "(212) 555-0100")
    }

    @Test func deepNestingDoesNotOverflow() throws {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "deep 8 800 100-70-10" + String(repeating: "</div>", count: depth)
        let document = try HTMLDocument(bytes: Array(html.utf8), source: "deep")
        // libxml2 caps nesting (without HTML_PARSE_HUGE); what it keeps we must walk.
        #expect(document.blocks.count <= 1)
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: DocumentError.empty(source: "empty.html")) { try HTMLDocument(bytes: [], source: "empty.html") }
    }

    @Test func plainTextBecomesLines() throws {
        let text = "Контакты\n\nТелефон горячей линии\nНомер +7 495 777‑88‑99 работает круглосуточно.\n- пункт списка;\n"
        let document = try HTMLDocument(plainText: Array(text.utf8), source: "seed.txt")
        #expect(document.blocks.map(\.text) == ["Контакты", "Телефон горячей линии",
                                                 "Номер +7 495 777‑88‑99 работает круглосуточно.", "пункт списка;"])
        #expect(document.blocks[2].headings == ["Контакты", "Телефон горячей линии"])
        #expect(document.blocks[3].kind == .listItem)
        #expect(document.path(of: document.blocks[2].node) == "/text/line[4]")
    }
}
