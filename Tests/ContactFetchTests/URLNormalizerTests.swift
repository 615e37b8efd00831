import Testing
@testable import ContactFetch

@Suite struct URLNormalizerTests {
    struct Case: Sendable, CustomStringConvertible {
        var reference: String
        var expected: String?
        var description: String { reference }
    }

    static let base = "https://www.example.ru/help/faq/index.html?x=1"

    static let cases: [Case] = [
        Case(reference: "contacts", expected: "https://www.example.ru/help/faq/contacts"),
        Case(reference: "../contacts#top", expected: "https://www.example.ru/help/contacts"),
        Case(reference: "/a/./b/../c", expected: "https://www.example.ru/a/c"),
        Case(reference: "?y=2", expected: "https://www.example.ru/help/faq/index.html?y=2"),
        Case(reference: "#section", expected: "https://www.example.ru/help/faq/index.html?x=1"),
        Case(reference: "", expected: "https://www.example.ru/help/faq/index.html?x=1"),
        Case(reference: "//Cdn.Example.RU:443/x", expected: "https://cdn.example.ru/x"),
        Case(reference: "HTTP://WWW.Example.ru:80", expected: "http://www.example.ru/"),
        Case(reference: "http://example.ru:8080/a", expected: "http://example.ru:8080/a"),
        Case(reference: "/%7euser/%d0%ba", expected: "https://www.example.ru/~user/%D0%BA"),
        Case(reference: "/контакты", expected: "https://www.example.ru/%D0%BA%D0%BE%D0%BD%D1%82%D0%B0%D0%BA%D1%82%D1%8B"),
        Case(reference: "  /a b\n", expected: "https://www.example.ru/a%20b"),
        Case(reference: "/100%", expected: "https://www.example.ru/100%25"),
        Case(reference: "http://user:pw@example.ru/", expected: "http://example.ru/"),
        Case(reference: "mailto:support@example.ru", expected: nil),
        Case(reference: "tel:+78001007010", expected: nil),
        Case(reference: "javascript:void(0)", expected: nil),
        Case(reference: "ftp://example.ru/file", expected: nil),
        Case(reference: "file:///etc/passwd", expected: nil),
        Case(reference: "http://example.ru:99999/", expected: nil),
        Case(reference: "http:///nohost", expected: nil),
    ]

    @Test(arguments: cases) func resolves(_ item: Case) throws {
        let base = try #require(URLNormalizer.normalize(Self.base))
        #expect(URLNormalizer.resolve(item.reference, against: base)?.string == item.expected)
    }

    @Test func originAndRobotsURL() throws {
        let url = try #require(URLNormalizer.normalize("http://127.0.0.1:8080/a?b"))
        #expect(url.origin == "http://127.0.0.1:8080")
        #expect(url.robotsURL == "http://127.0.0.1:8080/robots.txt")
        #expect(url.pathAndQuery == "/a?b")
    }
}
