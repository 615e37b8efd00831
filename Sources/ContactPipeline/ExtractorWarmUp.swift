import ContactDocument
import ContactExtract
import ContactModel
import Foundation

/// Builds the extractor's one-time tables (the hours reader's language data with its CLDR
/// day and month names, CLDR country names in every one of those languages, the short
/// numbers, libphonenumber's metadata and regular expressions) on a thread of their own,
/// started before the command line is parsed. Without it they were built by the first
/// page's extraction, after argument parsing (some 20 ms for 400 file arguments, one
/// core busy), while every other worker waited on the same lazy initialiser: about 50 ms
/// of CPU that both cores now overlap with the parsing and the first pages' reading.
///
/// The tables are the ones any page would build, through the extractor's own path (a
/// small built-in page is extracted and its records dropped), and are pure functions of
/// the process's data, so output does not depend on whether or when this ran.
public enum ExtractorWarmUp {
    /// Starts building the tables in the background; returns at once.
    public static func start() {
        let thread = Thread {
            _ = sampleRecords()
        }
        thread.name = "extractor warm-up"
        thread.start()
    }

    /// A page that reaches every lazily built table: a country heading over a national
    /// number (country labels in CLDR's names), opening hours in a language with a data
    /// file (the hours lexicon), a short number, an e-mail address.
    static let sample = """
        <html lang="de"><head><title>Kontakt</title></head><body>
        <h2>Deutschland</h2><p>Telefon: 030 1234567, Notruf 112</p>
        <p>Öffnungszeiten: Mo-Fr 9:00-17:00 Uhr</p>
        <p>E-Mail: kontakt@example.org</p>
        <table><tr><td>Österreich</td><td>+43 1 234567</td></tr></table>
        </body></html>
        """

    /// The records of the sample page (for the test that it reaches every extractor).
    static func sampleRecords() -> [ContactRecord] {
        guard let document = try? HTMLDocument(bytes: Array(sample.utf8), source: "warm-up.html") else { return [] }
        return ContactExtractor().extract(from: document)
    }
}
