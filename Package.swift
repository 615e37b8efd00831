// swift-tools-version:6.0
import Foundation
import PackageDescription

// The pipeline, one module per stage: fetch → document → extract → (normalise) → audit
// → snapshot/diff → report, the CLI thin on top. Each C library is imported by exactly
// one Swift module: libxml2 by ContactDocument, libcurl by ContactFetch, libphonenumber
// (through the C++ shim CPhoneNumber) by PhoneNumbers, zlib by Gzip.
let package = Package(
    name: "contact-audit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "contact-audit", targets: ["contact-audit"]),
        .executable(name: "contact-audit-bench", targets: ["contact-audit-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "CPhoneNumber",
            cxxSettings: [
                // Debian builds libphonenumber against Boost's locks and singletons.
                .define("I18N_PHONENUMBERS_USE_BOOST"),
            ],
            linkerSettings: [.linkedLibrary("phonenumber")]
        ),

        // Wrappers: the only places that see a C API.
        .target(name: "PhoneNumbers", dependencies: ["CPhoneNumber", "ContactModel"]),
        .target(name: "ContactDocument", dependencies: ["CLibXML2"]),
        .target(name: "ContactFetch", dependencies: ["CCurl", "Gzip"]),
        .target(name: "Gzip", dependencies: ["CZlib"]),

        // Pipeline.
        .target(name: "ContactModel"),
        // WARC 1.1 files (ISO 28500): records written one gzip member each, read back.
        .target(name: "ContactArchive", dependencies: ["ContactModel", "Gzip"]),
        // Opening hours: natural language → weekly schedule → OSM opening_hours. Day and month names
        // from CLDR (Foundation), one data file per language in Resources/languages.
        .target(name: "ContactHours", dependencies: ["ContactModel"], resources: [.copy("Resources/languages")]),
        .target(
            name: "ContactExtract",
            dependencies: ["ContactModel", "ContactDocument", "ContactHours", "PhoneNumbers"],
            resources: [.copy("Resources/short-numbers.json")]
        ),
        .target(
            name: "ContactPipeline",
            dependencies: ["ContactModel", "ContactDocument", "ContactFetch", "ContactExtract", "ContactAudit",
                           "ContactSnapshot", "ContactArchive", "Gzip", "PhoneNumbers"]
        ),
        .target(
            name: "ContactAudit",
            dependencies: [
                "ContactModel", "PhoneNumbers", "ContactHours",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "ContactReport", dependencies: ["ContactModel", "ContactAudit", "ContactHours"]),
        // Snapshots of what each source says, written atomically, read back from disk or git,
        // and compared. No fetching here: ContactPipeline's intake turns pages into snapshot values.
        .target(name: "ContactSnapshot", dependencies: ["ContactModel", "ContactAudit"]),
        .executableTarget(
            name: "contact-audit",
            dependencies: [
                "ContactModel", "ContactExtract", "ContactPipeline", "ContactFetch", "ContactArchive", "ContactDocument", "PhoneNumbers",
                "ContactAudit", "ContactReport", "ContactSnapshot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput figures for scripts/bench; never run by the tests.
        .executableTarget(
            name: "contact-audit-bench",
            dependencies: ["ContactDocument", "ContactExtract", "ContactModel", "ContactAudit", "ContactSnapshot"],
            path: "Benchmarks/Sources/contact-audit-bench"
        ),

        .testTarget(name: "PhoneNumbersTests", dependencies: ["PhoneNumbers"]),
        .testTarget(name: "ContactHoursTests", dependencies: ["ContactHours"]),
        .testTarget(name: "ContactDocumentTests", dependencies: ["ContactDocument"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ContactFetchTests", dependencies: ["ContactFetch"]),
        .testTarget(name: "GzipTests", dependencies: ["Gzip"]),
        // Archives read back by Python's warcio (the venv scripts/setup installs).
        .testTarget(name: "ContactArchiveTests", dependencies: ["ContactArchive", "Gzip", "TestSupport"]),
        .testTarget(
            name: "ContactExtractTests",
            dependencies: ["ContactExtract", "ContactDocument", "ContactModel"],
            resources: [.copy("Fixtures")]
        ),
        // Rule examples are pages, read through the document parser and the extractor.
        .testTarget(name: "ContactAuditTests",
                    dependencies: ["ContactAudit", "ContactModel", "ContactHours", "ContactDocument", "ContactExtract"]),
        // Golden files are read and re-recorded through #filePath, not bundled.
        .testTarget(name: "ContactReportTests", dependencies: ["ContactReport", "ContactAudit", "ContactModel", "ContactHours"],
                    exclude: ["Golden"]),
        // What the CLI and crawler tests share: the built executable, audit files, a loopback server.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["contact-audit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ContactSnapshotTests", dependencies: ["ContactSnapshot", "ContactAudit", "ContactModel"]),
        // The crawler against a real HTTP server on 127.0.0.1, pages parsed by the document layer.
        .testTarget(
            name: "CrawlerTests",
            dependencies: ["ContactFetch", "ContactPipeline", "ContactDocument", "ContactModel", "ContactArchive", "Gzip",
                           "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    cxxLanguageStandard: .cxx17
)

// libFuzzer targets (scripts/fuzz): only when asked for, because they have no `main`
// of their own (libFuzzer's is linked in with -sanitize=fuzzer).
if ProcessInfo.processInfo.environment["CONTACT_AUDIT_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "contact-audit-fuzz",
        dependencies: ["ContactDocument", "ContactExtract", "ContactHours", "ContactFetch", "ContactAudit"],
        path: "Fuzz/Sources/contact-audit-fuzz"
    ))
}
