import ContactDocument
import ContactModel
import Testing
@testable import ContactExtract

/// Issue 13, sections 1, 4 and 5: the classes of numbers `scripts/eval` found missed, wrong
/// or in the wrong country on the webstruct pages, each with examples of our own. The region
/// is the fallback (an audit's `region`, `extract --default-region`), so the page's own
/// signals and country labels decide first, as they do for users.
@Suite struct PhoneRecallCaseTests {
    static func phones(_ html: String, fallback: String?, source: String = "inline.html") throws -> Set<String> {
        let document = try HTMLDocument(bytes: Array("<html><body>\(html)</body></html>".utf8), source: source)
        let records = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: fallback)))
            .extract(from: document)
        return Set(records.filter { $0.kind == .phone }.map { "\($0.value) \($0.channel.rawValue)" })
    }

    static let cases: [ExtractionCaseTests.Case] = [
        // Vanity numbers: the letters are the number's last digits; a bracket repeating them adds nothing.
        .init("<p>Events: (734) 668-TIME</p>", "US", ["+17346688463 phone"]),
        .init("<p>Call 1-877-SOV-BANK (768-2265), 7 days per week</p>", "US", ["+18777682265 phone"]),
        .init("<p>Customer Service 1.888.LUTRON1 (588-7661)</p>", "US", ["+18885887661 hotline"]),
        .init("<p>MOVIE LINE: (520) 494 STAR (7827)</p>", "US", ["+15204947827 phone"]),
        // The bracket closes a sentence: "(639-9675). 311" is not a number.
        .init("<p>the 311 system by calling (212) NEW-YORK (639-9675). 311 TTY Services</p>", "US",
              ["+12126399675 phone", "311 phone"]),
        // Capitals that are words, not digits: labels between two numbers, a word followed by digits.
        .init("<p>Tel 212-555-0100 FAX 212-555-0101</p>", "US", ["+12125550100 phone", "+12125550101 fax"]),
        .init("<p>Call 212-555-0100 TODAY 555 0199</p>", "US", ["+12125550100 phone"]),
        // Two elements' texts joined: the next element's capitalised word is glued to the number.
        .init("<p><span>Coopersburg, PA 18036-1299<br>1-610-282-3800</span><span><b>Customer Service</b></span></p>", "US",
              ["+16102823800 hotline"]),
        // Digit strings that are not numbers.
        .init("<p>Your IP Address is: 5.167.214.238</p>", "US", []),
        .init("<p>26-08-2009 A Complete End-to-End Business Solution</p>", "HK", []),
        .init("<p>Published 2013.05.14</p>", "US", []),
        .init("<p>1 2 3 4 5 6 7 8 9 10 next</p>", "US", []),
        .init("<p>btw 0453 365 132</p>", "BE", []),
        .init("<p>PO Box No.13903 - 00800 Nairobi</p>", "IN", []),
        .init("<p>PO Box 12, tel 212-555-0100</p>", "US", ["+12125550100 phone"]),
        // Other last digits listed after a slash: the first number is read.
        .init("<p>Phone: +91-22-33074700/01/02/03/04</p>", "US", ["+912233074700 phone"]),
        .init("<p>Telefon: 0421/12 34 56</p>", "DE", ["+49421123456 phone"]),
        // Numbers written in pairs with dots are numbers (not an address).
        .init("<p>Tlf. 33.12.34.56</p>", "DK", ["+4533123456 phone"]),
        // An address's country line decides the numbers under it, in its own element.
        .init("<p>Fahaheel<br>Kuwait<br>Tel: 965 6097 2710</p>", "US", ["+96560972710 phone"]),
        .init("<p>Shanghai<br>China<br>Tel: 21 52387990</p>", "US", ["+862152387990 phone"]),
        .init("<p>Houston Texas 77042<br>USA<br>Tel: 713 587 5805</p>", "IN", ["+17135875805 phone"]),
        .init("<p>Leipzig 04356<br>Germany<br>Tel: 089 54558132</p>", "US", ["+498954558132 phone"]),
        // A national number written without its trunk prefix, as lists of offices abroad do:
        // read on a line that gives a phone or fax number, in the labelled country only.
        .init("<p>Leipzig 04356<br>Germany<br>Tel: 341 60050625</p>", "US", ["+4934160050625 phone"]),
        .init("<p>Petaling Jaya<br>Malaysia<br>Tel: 3 6140 8000</p>", "US", ["+60361408000 phone"]),
        .init("<p>Leipzig 04356<br>Germany<br>341 60050625</p>", "US", []),
        // The calling code written without "+" is read as dialled from abroad, never as part
        // of a national number (libphonenumber's parser reads +6262213901007 here) ...
        .init("<p>Jakarta Pusat 10340<br>Indonesia<br>Tel: 62 21 3901007</p>", "US", ["+62213901007 phone"]),
        .init("<p>Changi South Avenue 2<br>Singapore<br>Phone: (65) 6436 5000</p>", "US", ["+6564365000 phone"]),
        // ... but a national number that only begins with the code's digits stays national.
        .init("<p>Changi<br>Singapore<br>Phone: 6543 2100</p>", "US", ["+6565432100 phone"]),
        // A country line in another element (another cell) decides nothing here; a country
        // line below the number decides nothing either.
        .init("<table><tr><td>Fahaheel<br>Kuwait</td><td>Tel: 965 6097 2710</td></tr></table>", "US", []),
        .init("<p>Tel: 212-555-0100<br>Germany</p>", "US", ["+12125550100 phone"]),
        // A number's label does not reach the list after it: a fax line before a list of phones.
        .init("<p>Fax: 212-555-0101</p><ul><li>212-555-0100</li><li>212-555-0102</li></ul>", "US",
              ["+12125550101 fax", "+12125550100 phone", "+12125550102 phone"]),
        // Labels outside the number's block: its row's label cell, the <dt> of its <dd>, a label
        // line above it in its element; a line with a number of its own labels only that number.
        .init("<table><tr><td>Local:</td><td>305.682.1944</td></tr><tr><td><b>Fax:</b></td><td>305.682.1945</td></tr></table>", "US",
              ["+13056821944 phone", "+13056821945 fax"]),
        .init("<dl><dt>Member Services</dt><dd>800-322-6384</dd><dt>General Fax</dt><dd>916-631-0672</dd></dl>", "US",
              ["+18003226384 phone", "+19166310672 fax"]),
        .init("<p>Phone: (413)-545-0722</p><p>Fax:<br>Application materials: (413)-577-0010<br>Graduation: (413)-577-0123</p>", "US",
              ["+14135450722 phone", "+14135770010 fax", "+14135770123 fax"]),
        .init("<p>Fax: 212-555-0101<br>212-555-0100</p>", "US", ["+12125550101 fax", "+12125550100 phone"]),
        // A column's header labels every number under it; the row's name does not make a fax a phone.
        .init("<table><tr><th>Department</th><th>Phone</th><th>Fax</th></tr>"
              + "<tr><td>City Manager's Office</td><td>408.868.1200</td><td>408.867.8555</td></tr>"
              + "<tr><td>Library</td><td>408.868.1201</td><td>408.867.8556</td></tr></table>", "US",
              ["+14088681200 phone", "+14088678555 fax", "+14088681201 phone", "+14088678556 fax"]),
        .init("<p>Facsimile +44 (0) 1226 749 900</p>", "GB", ["+441226749900 fax"]),
        // A line that introduces the list still labels it.
        .init("<p>Fax numbers:</p><ul><li>212-555-0101</li><li>212-555-0103</li></ul>", "US",
              ["+12125550101 fax", "+12125550103 fax"]),
    ]

    @Test(arguments: cases)
    func extracts(_ c: ExtractionCaseTests.Case) throws {
        #expect(try Self.phones(c.html, fallback: c.region) == Set(c.expected))
    }

    /// Russia and Kazakhstan share +7 and Russian: a Russian-language page's service short
    /// numbers are Kazakh on a .kz site or under a "Казахстан" label, Russian otherwise; with
    /// nothing to decide, what the language says (Russia), never a guess.
    @Test func sharedCallingCodeServiceNumbers() throws {
        let kazakh = #"<div lang="ru"><p>Позвоните по номеру 1414</p><p>По короткому номеру 115</p></div>"#
        #expect(try Self.phones(kazakh, fallback: nil, source: "https://egov.kz/contacts") == ["1414 phone"])
        #expect(try Self.phones(kazakh, fallback: nil, source: "https://www.gosuslugi.ru/help") == ["115 phone"])
        #expect(try Self.phones(kazakh, fallback: nil, source: "https://example.com/help") == ["115 phone"])
        let labelled = #"<div lang="ru"><p>Казахстан: позвоните по номеру 1414</p><p>Россия: по номеру 115</p></div>"#
        #expect(try Self.phones(labelled, fallback: nil, source: "https://example.com/help") == ["1414 phone", "115 phone"])
        // A region subtag decides over the host.
        #expect(try Self.phones(#"<div lang="ru-RU"><p>Позвоните по номеру 115</p></div>"#, fallback: nil,
                                source: "https://example.kz/") == ["115 phone"])
    }

    /// Last resort for digits no declared region reads: the countries the page names around
    /// them. One reading is taken; two countries reading one text as different numbers
    /// decide nothing (a Canadian and a Chinese reading of 800-288-3124).
    @Test func namedCountriesMustAgree() throws {
        #expect(try Self.phones("<p>Sydney NSW 2000, Australia</p><p>Call (02) 9411 8032</p>", fallback: nil)
            == ["+61294118032 phone"])
        #expect(try Self.phones("<p>Stores in Canada and China</p><p>Call 800-288-3124</p>", fallback: nil).isEmpty)
    }

    /// A template's `lang` subtag and the site's country disagree (`de-DE` on a `.at` site):
    /// neither outranks the other, a number is kept where both read it alike or only one
    /// reads it, in the text and in `tel:` links alike.
    @Test func languageSubtagAndHostDisagree() throws {
        let austrian = "https://www.5min.at/villach"
        #expect(try Self.phones(#"<div lang="de-DE"><p>Tel. 0664 1183226</p></div>"#, fallback: nil, source: austrian).isEmpty)
        #expect(try Self.phones(#"<div lang="de-DE"><p><a href="tel:0664 1183226">Anrufen</a></p></div>"#, fallback: nil,
                                source: austrian).isEmpty)
        #expect(try Self.phones(#"<div lang="de-DE"><p>Tel. +43 664 1183226</p></div>"#, fallback: nil, source: austrian)
            == ["+436641183226 phone"])
        // Where they agree, as before.
        #expect(try Self.phones(#"<div lang="de-AT"><p>Tel. 0664 1183226</p></div>"#, fallback: nil, source: austrian)
            == ["+436641183226 phone"])
        #expect(try Self.phones(#"<div lang="de-DE"><p>Tel. 0664 1183226</p></div>"#, fallback: nil,
                                source: "https://www.example.de/") == ["+496641183226 phone"])
    }

    /// The calling code written without its "+" on a line labelled with that country.
    @Test func callingCodeWithoutPlus() {
        #expect(PhoneExtractor.internationalReading("965 6097 2710", country: "KW")?.e164 == "+96560972710")
        #expect(PhoneExtractor.internationalReading("(65) 6436 5000", country: "SG")?.e164 == "+6564365000")
        // Not the labelled country's code, or not standing apart: left to the national reading.
        #expect(PhoneExtractor.internationalReading("7 495 123 45 67", country: "KZ") == nil)
        #expect(PhoneExtractor.internationalReading("6543 2100", country: "SG") == nil)
        #expect(PhoneExtractor.internationalReading("089 54558132", country: "DE") == nil)
    }

    @Test(arguments: [("5.167.214.238", true), ("26-08-2009", true), ("2013.05.14", true), ("1 2 3 4 5", true),
                      ("(639-9675). 311", true), ("33.12.34.56", false), ("212.555.0100", false),
                      ("12-34-2015", false), ("+7 495 123-45-67", false)])
    func otherDigitStrings(_ raw: String, _ expected: Bool) {
        #expect(PhoneExtractor.isOtherDigitString(raw) == expected)
    }

    @Test func vanityLettersAreOnlyThoseEndingANumber() {
        func letters(_ text: String) -> String {
            let bytes = Array(text.utf8)
            let found = TypographicFolding.vanityLetters(bytes)
            return String(decoding: bytes.indices.filter(found.contains).map { bytes[$0] }, as: UTF8.self)
        }
        #expect(letters("1-877-SOV-BANK (768-2265)") == "SOVBANK")
        #expect(letters("(212) NEW-YORK") == "NEWYORK")
        #expect(letters("1.888.LUTRON1 (588-7661)") == "LUTRON")
        #expect(letters("Tel 212-555-0100 FAX 212-555-0101") == "")
        #expect(letters("Suite 300 NORTH TOWER") == "")
        #expect(letters("ISO 9001 CERTIFIED") == "")
        #expect(TypographicFolding("1-877-SOV-BANK").text == "1-877-768-2265")
    }
}
