import ContactDocument
import ContactExtract
import ContactModel
import Testing

/// Issue 13, section 4: a line, table row or heading labelled with a country decides the region
/// of the national numbers under it; disagreement gives no number rather than a wrong one.
@Suite struct CountryLabelCaseTests {
    static let cases: [ExtractionCaseTests.Case] = [
        // The issue's example: the French line's number is French, not German.
        .init("<p>Germany: toll-free 0800 330 4455</p><p>France (FR): 0 805 12 34 56</p>", nil,
              ["phone +498003304455 phone", "phone +33805123456 phone"]),
        // The page's language names the country (CLDR names in the page's language).
        .init(#"<div lang="de"><p>Österreich: 01 512 34 56</p><p>Schweiz: 044 668 18 00</p></div>"#, nil,
              ["phone +4315123456 phone", "phone +41446681800 phone"]),
        .init(#"<div lang="ru"><p>Казахстан: 8 727 250 00 00</p><p>Россия: 8 495 123-45-67</p></div>"#, nil,
              ["phone +77272500000 phone", "phone +74951234567 phone"]),
        // An ISO code in brackets.
        .init("<p>Dublin office (IE): 01 234 5678</p>", "US", ["phone +35312345678 office"]),
        // A heading names the country of the lines under it.
        .init("<h3>United Kingdom</h3><p>Call 020 7946 0018</p>", "US", ["phone +442079460018 phone"]),
        // A table row's first cell.
        .init("<table><tr><td>Netherlands</td><td>020 123 4567</td></tr><tr><td>Belgium</td><td>02 511 11 11</td></tr></table>", "US",
              ["phone +31201234567 phone", "phone +3225111111 phone"]),
        // Two countries labelling one line decide nothing: only the +CC number is read.
        .init("<p>Germany (FR): 0800 330 4455, +49 30 1234567</p>", "US", ["phone +49301234567 phone"]),
        // A country named on the line but not as its label takes part (the tester's German
        // page): one named country where the number is valid reads it there.
        .init(#"<div lang="de"><p>Aus der Schweiz: 044 668 18 00 (Schweiz)</p></div>"#, nil, ["phone +41446681800 phone"]),
        .init(#"<div lang="de"><p>Kunden in der Schweiz wählen 044 668 18 00.</p></div>"#, nil, ["phone +41446681800 phone"]),
        .init("<p>Callers from Ireland dial 01 234 5678 free of charge.</p>", "US", ["phone +35312345678 phone"]),
        // Two countries named, readings that disagree with the page's: nothing, not the German one.
        .init(#"<div lang="de"><p>Aus Österreich und der Schweiz wählen Sie 044 668 18 00</p></div>"#, nil, []),
        // A number with its country code, or one the named country does not read, keeps its reading.
        .init(#"<div lang="de"><p>Aus der Schweiz wählen Sie +49 30 1234567</p></div>"#, nil, ["phone +49301234567 phone"]),
        .init(#"<div lang="de"><p>Kunden in Deutschland wählen 030 1234567</p></div>"#, nil, ["phone +49301234567 phone"]),
    ]

    @Test(arguments: cases)
    func extracts(_ c: ExtractionCaseTests.Case) throws {
        // `--region` is absolute; a country label decides only over the page's own signals and
        // the fallback (an audit's region).
        let document = try HTMLDocument(bytes: Array("<html><body>\(c.html)</body></html>".utf8), source: "inline.html")
        let records = ContactExtractor(options: ExtractOptions(regions: RegionResolver(fallbackRegion: c.region))).extract(from: document)
        let found = Set(records.filter { $0.kind == .phone }.map { "\($0.kind.rawValue) \($0.value) \($0.channel.rawValue)" })
        #expect(found == Set(c.expected))
    }
}
