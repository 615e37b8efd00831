import ContactDocument
import ContactModel
import Foundation
import PhoneNumbers

/// Phones, e-mails and hours a page states in schema.org JSON-LD or microdata
/// (`Organization`, `LocalBusiness`, `GovernmentOffice`, `ContactPoint`, with
/// `telephone`, `faxNumber`, `email`, `contactType`, `openingHours`,
/// `openingHoursSpecification`, `hoursAvailable`) and in hCard microformats.
struct StructuredDataExtractor {
    var regions: RegionResolver

    /// One statement found in structured data, before it becomes a record.
    struct Statement {
        enum Value {
            case phone(String, isFax: Bool)
            case email(String)
            case hours(StructuredHours)
        }
        var value: Value
        var contactType: String?
        var method: EvidenceMethod
        var node: NodeID
        var pointer: String
        var text: String
        var position: Int
    }

    func extract(from document: HTMLDocument, page: inout PageContext, into records: inout RecordCollector) {
        var statements: [Statement] = []
        for script in document.scripts {
            guard let data = script.body.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            walkJSON(json, pointer: "", contactType: nil, script: script, into: &statements)
        }
        collectMicrodata(document, into: &statements)
        collectMicroformats(document, into: &statements)

        let region = regions.region(forLanguage: document.language)
        for statement in statements {
            let path = page.path(of: statement.node) + statement.pointer
            let evidence = Evidence(method: statement.method, path: path, text: statement.text)
            let section = document.blocks.indices.contains(statement.position)
                ? document.blocks[statement.position].headings.last : nil
            switch statement.value {
            case .phone(let raw, let isFax):
                let target = PhoneExtractor.telTarget(raw) ?? raw
                guard let number = PhoneExtractor.parseLinkTarget(target, region: region) else { continue }
                let channel: Channel = isFax ? .fax
                    : statement.contactType.map { ChannelClassifier.structuredChannel($0, default: .phone) } ?? .phone
                records.add(ContactRecord(kind: .phone, value: number.e164, channel: channel, source: document.source,
                                          evidence: evidence, type: number.type.rawValue, raw: raw,
                                          extension: number.extensionDigits, section: section),
                            at: statement.position)
            case .email(let raw):
                let candidate = raw.lowercased().hasPrefix("mailto:") ? String(raw.dropFirst(7)) : raw
                guard let address = EmailAddress.normalise(candidate.removingPercentEncodingLeniently()) else { continue }
                let channel: Channel = statement.contactType.map { type in
                    let named = ChannelClassifier.structuredChannel(type, default: .email)
                    return named == .press || named == .sales ? named : .email
                } ?? .email
                records.add(ContactRecord(kind: .email, value: address, channel: channel, source: document.source,
                                          evidence: evidence, section: section),
                            at: statement.position)
            case .hours(let hours):
                guard let value = hours.openingHours else { continue }
                let channel = statement.contactType.map { ChannelClassifier.structuredChannel($0, default: .office) } ?? .office
                records.add(ContactRecord(kind: .hours, value: value.openingHours, channel: channel,
                                          source: document.source, evidence: evidence,
                                          timezone: value.timeZone, section: section),
                            at: statement.position)
            }
        }
    }

    // MARK: - JSON-LD

    private func walkJSON(_ value: Any, pointer: String, contactType: String?, script: EmbeddedScript,
                          into statements: inout [Statement]) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                walkJSON(element, pointer: pointer + "/\(index)", contactType: contactType, script: script, into: &statements)
            }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let type = (object["contactType"] as? String) ?? contactType
        func add(_ value: Statement.Value, _ key: String, _ shown: String) {
            statements.append(Statement(value: value, contactType: type, method: .jsonLD, node: script.node,
                                        pointer: "#\(pointer)/\(key)", text: "\"\(key)\": \"\(shown)\"",
                                        position: Int.max))
        }
        for key in object.keys.sorted() {
            let child = object[key] as Any
            switch key {
            case "telephone", "faxNumber":
                for string in Self.strings(child) { add(.phone(string, isFax: key == "faxNumber"), key, string) }
            case "email":
                for string in Self.strings(child) { add(.email(string), key, string) }
            case "openingHours":
                let strings = Self.strings(child)
                if !strings.isEmpty {
                    add(.hours(StructuredHours(openingHours: strings)), key, strings.joined(separator: "; "))
                }
            case "openingHoursSpecification", "hoursAvailable":
                let specs = (child as? [Any] ?? [child]).compactMap { $0 as? [String: Any] }
                let hours = StructuredHours(specifications: specs.map(StructuredHours.Specification.init(json:)))
                if !specs.isEmpty { add(.hours(hours), key, hours.openingHours?.openingHours ?? "") }
            default:
                if child is [Any] || child is [String: Any] {
                    walkJSON(child, pointer: pointer + "/" + key, contactType: type, script: script, into: &statements)
                }
            }
        }
    }

    private static func strings(_ value: Any) -> [String] {
        if let string = value as? String { return string.isEmpty ? [] : [string] }
        if let array = value as? [Any] { return array.compactMap { $0 as? String }.filter { !$0.isEmpty } }
        return []
    }

    // MARK: - Microdata

    private func collectMicrodata(_ document: HTMLDocument, into statements: inout [Statement]) {
        guard !document.microdataProperties.isEmpty else { return }
        var contactTypes: [Int: String] = [:]
        var specifications: [Int: [String: String]] = [:]
        // One item's `openingHours` values are one schedule (schema.org lists a restaurant's
        // lunch and dinner as two), read together as the JSON-LD array is.
        var openingHoursOfScope: [Int: [String]] = [:]
        for property in document.microdataProperties {
            guard let scope = property.scope else { continue }
            for name in property.names {
                if name == "contactType" { contactTypes[scope] = property.value }
                if name == "openingHours", !property.value.isEmpty { openingHoursOfScope[scope, default: []].append(property.value) }
                if ["dayOfWeek", "opens", "closes"].contains(name) {
                    specifications[scope, default: [:]][name, default: ""] += " " + property.value
                }
            }
        }
        var scopesWithHoursStated: Set<Int> = []
        for property in document.microdataProperties {
            let type = property.scope.flatMap { contactTypes[$0] }
            for name in property.names {
                let value: Statement.Value
                var text = "\(name): \(property.value)"
                switch name {
                case "telephone": value = .phone(property.value, isFax: false)
                case "faxNumber": value = .phone(property.value, isFax: true)
                case "email": value = .email(property.value)
                case "openingHours":
                    if let scope = property.scope, let all = openingHoursOfScope[scope], all.count > 1 {
                        // Stated once, where the item's first value stands.
                        guard scopesWithHoursStated.insert(scope).inserted else { continue }
                        value = .hours(StructuredHours(openingHours: all))
                        text = "openingHours: " + all.joined(separator: ", ")
                    } else {
                        value = .hours(StructuredHours(openingHours: [property.value]))
                    }
                case "openingHoursSpecification", "hoursAvailable":
                    guard let scope = property.valueScope, let fields = specifications[scope] else { continue }
                    value = .hours(StructuredHours(specifications: [StructuredHours.Specification(fields: fields)]))
                default: continue
                }
                statements.append(Statement(value: value, contactType: type, method: .microdata, node: property.node,
                                            pointer: "", text: text, position: property.blockIndex))
            }
        }
    }

    // MARK: - hCard

    private func collectMicroformats(_ document: HTMLDocument, into statements: inout [Statement]) {
        let byRoot = Dictionary(grouping: document.microformats.filter { $0.root != nil }, by: { $0.root! })
        for element in document.microformats {
            if element.classes.contains("tel") || element.classes.contains("p-tel") {
                // <span class="tel"><span class="type">fax</span> <span class="value">…</span></span>
                let inner = byRoot[element.root ?? -1]?.filter {
                    $0.blockIndex == element.blockIndex && element.text.contains($0.text)
                } ?? []
                let type = inner.first { $0.classes.contains("type") }?.text.lowercased() ?? ""
                let number = inner.first { $0.classes.contains("value") }?.text ?? element.text
                let isFax = type.contains("fax") || element.classes.contains("fax")
                statements.append(Statement(value: .phone(number, isFax: isFax), contactType: nil, method: .microformat,
                                            node: element.node, pointer: "", text: element.text,
                                            position: element.blockIndex))
            } else if element.classes.contains("email") || element.classes.contains("u-email") {
                let raw = element.href.flatMap { EmailAddress.mailtoAddresses($0).first } ?? element.text
                statements.append(Statement(value: .email(raw), contactType: nil, method: .microformat,
                                            node: element.node, pointer: "", text: element.text,
                                            position: element.blockIndex))
            }
        }
    }
}
