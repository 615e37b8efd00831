import Testing
@testable import ContactFetch

@Suite struct RobotsPolicyTests {
    struct Case: Sendable, CustomStringConvertible {
        var robots: String
        var path: String
        var allowed: Bool
        var description: String { "\(path) → \(allowed)" }
    }

    static let google = """
    User-agent: *
    Disallow: /search
    Allow: /search/about
    Disallow: /*.php$
    Disallow: /fish*
    Allow: /fish/salmon.html
    Disallow: /кабинет
    """

    static let cases: [Case] = [
        Case(robots: google, path: "/", allowed: true),
        Case(robots: google, path: "/search?q=1", allowed: false),
        Case(robots: google, path: "/search/about", allowed: true),
        Case(robots: google, path: "/index.php", allowed: false),
        Case(robots: google, path: "/index.php?x", allowed: true),
        Case(robots: google, path: "/fishheads", allowed: false),
        Case(robots: google, path: "/fish/salmon.html", allowed: true),
        Case(robots: google, path: "/Fish", allowed: true),
        Case(robots: google, path: "/%D0%BA%D0%B0%D0%B1%D0%B8%D0%BD%D0%B5%D1%82/x", allowed: false),
        Case(robots: google, path: "/robots.txt", allowed: true),
        // Allow wins a tie of equal length.
        Case(robots: "User-agent: *\nDisallow: /page\nAllow: /page", path: "/page", allowed: true),
        // Our own group replaces `*`; names are matched case-insensitively by product token.
        Case(robots: "User-agent: *\nDisallow: /\n\nUser-agent: CONTACT-AUDIT\nDisallow: /x", path: "/a", allowed: true),
        Case(robots: "User-agent: *\nDisallow: /\n\nUser-agent: contact-audit\nDisallow: /x", path: "/x1", allowed: false),
        Case(robots: "User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /y", path: "/a", allowed: true),
        // Several agents may share a group; groups for one agent are merged.
        Case(robots: "User-agent: a\nUser-agent: contact-audit\nDisallow: /p\n\nUser-agent: contact-audit\nDisallow: /q",
             path: "/q", allowed: false),
        // An empty Disallow allows everything; comments and unknown lines are ignored.
        Case(robots: "User-agent: * # all\nDisallow:\nSitemap: /s.xml", path: "/anything", allowed: true),
        Case(robots: "", path: "/a", allowed: true),
        Case(robots: "Disallow: /\n", path: "/a", allowed: true),
        Case(robots: "User-agent: *\r\nDisallow: /*/private$\r\n", path: "/a/b/private", allowed: false),
        Case(robots: "User-agent: *\r\nDisallow: /*/private$\r\n", path: "/a/b/private/", allowed: true),
    ]

    @Test(arguments: cases) func decides(_ item: Case) throws {
        let policy = RobotsPolicy(parsing: Array(item.robots.utf8), productToken: "contact-audit")
        let url = try #require(URLNormalizer.normalize("https://example.ru" + item.path))
        #expect(policy.allows(url) == item.allowed)
    }

    @Test func readsCrawlDelayOfTheChosenGroup() {
        let policy = RobotsPolicy(parsing: Array("User-agent: *\nCrawl-delay: 2.5\nUser-agent: x\nCrawl-delay: 9".utf8),
                                  productToken: "contact-audit")
        #expect(policy.crawlDelay == 2.5)
    }

    @Test func disallowAllRefusesEverythingButRobots() throws {
        let policy = RobotsPolicy.disallowAll(because: "test")
        #expect(!policy.allows(try #require(URLNormalizer.normalize("http://a.ru/"))))
        #expect(policy.allows(try #require(URLNormalizer.normalize("http://a.ru/robots.txt"))))
    }

    @Test func wildcardMatchingDoesNotBlowUp() {
        let pattern = String(repeating: "*a", count: 50) + "$"
        let target = String(repeating: "a", count: 2_000) + "b"
        #expect(!RobotsPolicy.matches(pattern: pattern, target))
    }
}
