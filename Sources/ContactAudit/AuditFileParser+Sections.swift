import ContactHours
import ContactModel
import Foundation
import PhoneNumbers
import Yams

extension AuditFileParser {
    mutating func audit(_ root: Node) -> AuditFile? {
        let top = mapping(root, keys: Self.topKeys, in: "the audit file")
        guard root.mapping != nil else { return nil }
        var file = AuditFile(path: path, name: "")
        if let name = top["name"] {
            file.name = string(name.value, "name") ?? ""
            if file.name.contains("/") { report("name '\(file.name)' names a directory; it must not contain '/'", at: name.value) }
        } else {
            report("missing 'name' (the audit's name, also its snapshot directory)", at: root)
        }
        if let node = top["region"]?.value, let region = string(node, "region") {
            if ISORegion.normalized(region) != nil, PhoneNumberService.isSupported(region: region.uppercased()) {
                file.region = region.uppercased()
            } else {
                report("unknown region '\(region)'; use an ISO 3166 code such as RU or GB", at: node)
            }
        }
        if let node = top["timezone"]?.value, let zone = string(node, "timezone") {
            if TimeZone(identifier: zone) != nil {
                file.timezone = zone
            } else {
                report("unknown time zone '\(zone)'; use an IANA name such as Europe/Moscow", at: node)
            }
        }
        if let node = top["short_numbers"]?.value {
            file.shortNumbers = list(node, in: "short_numbers").compactMap { item in
                guard let text = string(item, "a short number") else { return nil }
                guard let digits = PhoneNormalizer.shortNumber(text) else {
                    report("short number '\(text)' must be 3 to 6 digits", at: item)
                    return nil
                }
                return digits
            }
        }
        if let node = top["catalog"]?.value { file.catalog = catalog(node, region: file.region) }
        if let entry = top["sources"] {
            file.sources = sources(entry.value)
        } else {
            report("missing 'sources' (a list of pages to read: URLs or paths relative to this file)", at: root)
        }
        if let node = top["crawl"]?.value { file.crawl = crawl(node) }
        if let node = top["rules"]?.value { file.rules = rules(node, unreadableRuns: &file.unreadableRuns) }
        return file
    }

    // MARK: Catalog

    mutating func catalog(_ node: Node, region: String?) -> Catalog {
        let keys = mapping(node, keys: Self.catalogKeys, in: "catalog")
        var catalog = Catalog()
        // Numbers seen so far, normalised, with where they were first written.
        var numbers: [String: Node] = [:]
        var addresses: [String: Node] = [:]
        if let phones = keys["phones"]?.value {
            for item in list(phones, in: "catalog.phones") {
                let fields = mapping(item, keys: Self.phoneKeys, in: "a catalog phone")
                guard item.mapping != nil else { continue }
                guard let numberNode = fields["number"]?.value else {
                    report("a catalog phone needs a 'number'", at: item)
                    continue
                }
                let channel = fields["channel"].flatMap { self.channel($0.value, "channel") } ?? .phone
                let hours = fields["hours"].flatMap { schedule($0.value, "hours") }
                if let number = phoneNumber(numberNode, region: region, seen: &numbers) {
                    catalog.phones.append(CatalogPhone(number: number, channel: channel, hours: hours))
                }
            }
        }
        if let emails = keys["emails"]?.value {
            for item in list(emails, in: "catalog.emails") {
                let fields = mapping(item, keys: Self.emailKeys, in: "a catalog e-mail")
                guard item.mapping != nil else { continue }
                guard let addressNode = fields["address"]?.value else {
                    report("a catalog e-mail needs an 'address'", at: item)
                    continue
                }
                let channel = fields["channel"].flatMap { self.channel($0.value, "channel") } ?? .email
                if let address = emailAddress(addressNode, seen: &addresses) {
                    catalog.emails.append(CatalogEmail(address: address, channel: channel))
                }
            }
        }
        if let hours = keys["hours"]?.value, let pairs = hours.mapping {
            for (key, value) in pairs {
                guard let channel = channel(key, "a channel under catalog.hours"),
                      let schedule = schedule(value, "hours for \(channel.rawValue)") else { continue }
                catalog.hours[channel] = schedule
            }
        } else if let hours = keys["hours"]?.value {
            report("catalog.hours must map channels to hours (chat: \"24/7\"), not \(Self.kind(of: hours))", at: hours)
        }
        if let deprecated = keys["deprecated"]?.value {
            let fields = mapping(deprecated, keys: Self.deprecatedKeys, in: "catalog.deprecated")
            for item in fields["phones"].map({ list($0.value, in: "catalog.deprecated.phones") }) ?? [] {
                if let number = phoneNumber(item, region: region, seen: &numbers) { catalog.deprecatedPhones.insert(number) }
            }
            for item in fields["emails"].map({ list($0.value, in: "catalog.deprecated.emails") }) ?? [] {
                if let address = emailAddress(item, seen: &addresses) { catalog.deprecatedEmails.insert(address) }
            }
        }
        return catalog
    }

    /// A catalog number in the form extraction gives, or nil with the problem reported.
    mutating func phoneNumber(_ node: Node, region: String?, seen: inout [String: Node]) -> String? {
        guard let text = string(node, "a phone number") else { return nil }
        let number: String
        do {
            number = try PhoneNormalizer.normalize(text, region: region)
        } catch {
            report("'\(text)' is not a valid phone number: \(error)", at: node)
            return nil
        }
        if let first = seen[number] {
            report("duplicate number \(number): '\(text)' is the same as '\(first.scalar?.string ?? "")' at \(first.mark?.description ?? "?")",
                   at: node)
            return nil
        }
        seen[number] = node
        return number
    }

    mutating func emailAddress(_ node: Node, seen: inout [String: Node]) -> String? {
        guard let text = string(node, "an e-mail address") else { return nil }
        let address = text.lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !address.contains(" ") else {
            report("'\(text)' is not an e-mail address (write it as name@example.org)", at: node)
            return nil
        }
        if let first = seen[address] {
            report("duplicate address \(address) (also at \(first.mark?.description ?? "?"))", at: node)
            return nil
        }
        seen[address] = node
        return address
    }

    // MARK: Sources, crawl, rules

    mutating func sources(_ node: Node) -> [AuditSource] {
        let items = list(node, in: "sources")
        if node.sequence != nil, items.isEmpty { report("sources is empty; list at least one page", at: node) }
        var result: [AuditSource] = []
        var seen: Set<String> = []
        for item in items {
            var urlNode = item
            var official = false
            if item.mapping != nil {
                let fields = mapping(item, keys: Self.sourceKeys, in: "a source")
                guard let url = fields["url"]?.value else {
                    report("a source needs a 'url'", at: item)
                    continue
                }
                urlNode = url
                if let flag = fields["official"]?.value {
                    if flag.scalar != nil, let value = flag.bool { official = value } else {
                        report("official must be true or false, not \(Self.kind(of: flag))", at: flag)
                    }
                }
            }
            guard let url = string(urlNode, "a source url"), let location = sourceLocation(url, at: urlNode) else { continue }
            guard seen.insert(url).inserted else {
                report("source \(url) is listed twice", at: urlNode)
                continue
            }
            result.append(AuditSource(url: url, official: official, location: location))
        }
        return result
    }

    /// URLs are kept; a path must name an existing file, relative to the audit file.
    mutating func sourceLocation(_ url: String, at node: Node) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let parsed = URL(string: url), parsed.host?.isEmpty == false else {
                report("source '\(url)' is not a valid URL", at: node)
                return nil
            }
            return url
        }
        if lower.hasPrefix("file://") { return url }
        if let scheme = url.range(of: "://") {
            report("source '\(url)' uses the scheme '\(url[..<scheme.lowerBound])'; only http(s):// and file:// URLs and paths are read",
                   at: node)
            return nil
        }
        let resolved = url.hasPrefix("/") ? URL(fileURLWithPath: url) : directory.appendingPathComponent(url)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            report("source '\(url)' is neither an http(s):// or file:// URL nor an existing file (looked for \(resolved.path))",
                   at: node)
            return nil
        }
        return resolved.path
    }

    mutating func crawl(_ node: Node) -> CrawlSettings {
        let fields = mapping(node, keys: Self.crawlKeys, in: "crawl")
        var crawl = CrawlSettings()
        if let n = fields["depth"]?.value, let value = integer(n, "crawl.depth", minimum: 0) { crawl.depth = value }
        if let n = fields["max_pages"]?.value, let value = integer(n, "crawl.max_pages", minimum: 1) { crawl.maxPages = value }
        if let n = fields["max_bytes"]?.value { crawl.maxBytes = integer(n, "crawl.max_bytes", minimum: 1) }
        if let n = fields["timeout"]?.value { crawl.timeoutSeconds = seconds(n, "crawl.timeout") }
        if let n = fields["delay"]?.value { crawl.delaySeconds = seconds(n, "crawl.delay") }
        if let n = fields["user_agent"]?.value { crawl.userAgent = string(n, "crawl.user_agent") }
        if let n = fields["allow_private"]?.value { crawl.allowPrivate = allowPrivate(n) }
        if let n = fields["budget"]?.value { crawl.budget = budget(n) }
        if let n = fields["archive"]?.value { crawl.archive = string(n, "crawl.archive") }
        if let n = fields["archive_max_bytes"]?.value {
            crawl.archiveMaxBytes = integer(n, "crawl.archive_max_bytes", minimum: 1)
        }
        return crawl
    }

    /// Host names or addresses, each once: `[intranet.example.ru, 10.0.0.7]`. A URL is
    /// refused with the host it should have been, since the check is by host.
    mutating func allowPrivate(_ node: Node) -> [String] {
        var hosts: [String] = []
        for item in list(node, in: "crawl.allow_private") {
            guard let text = string(item, "a host in crawl.allow_private") else { continue }
            if text.contains("://") || text.contains("/") {
                let host = URL(string: text)?.host.map { " (the host is '\($0)')" } ?? ""
                report("crawl.allow_private lists host names, not URLs: '\(text)'\(host)", at: item)
                continue
            }
            let host = text.lowercased()
            guard !host.contains(where: { $0.isWhitespace || $0 == "@" }) else {
                report("'\(text)' in crawl.allow_private is not a host name", at: item)
                continue
            }
            if hosts.contains(host) {
                report("'\(text)' is listed twice in crawl.allow_private", at: item)
                continue
            }
            hosts.append(host)
        }
        return hosts
    }

    /// `{pages: N, bytes: N, seconds: S}`, each optional and positive.
    mutating func budget(_ node: Node) -> RunBudget {
        let fields = mapping(node, keys: Self.budgetKeys, in: "crawl.budget")
        var budget = RunBudget()
        if let n = fields["pages"]?.value { budget.pages = integer(n, "crawl.budget.pages", minimum: 1) }
        if let n = fields["bytes"]?.value { budget.bytes = integer(n, "crawl.budget.bytes", minimum: 1) }
        if let n = fields["seconds"]?.value, let value = seconds(n, "crawl.budget.seconds") {
            if value > 0 { budget.seconds = value } else { report("crawl.budget.seconds must be more than 0", at: n) }
        }
        return budget
    }

    /// `id: off`, `id: warning` or `id: {severity: warning}`; `source-unreadable` also
    /// takes `runs: N`.
    mutating func rules(_ node: Node, unreadableRuns: inout Int) -> [String: RuleSetting] {
        guard let pairs = node.mapping else {
            report("rules must map rule ids to off or {severity: ...}, not \(Self.kind(of: node))", at: node)
            return [:]
        }
        let ids = RuleRegistry.ids
        var settings: [String: RuleSetting] = [:]
        for (key, value) in pairs {
            guard let id = string(key, "a rule id") else { continue }
            guard ids.contains(id) else {
                report("unknown rule '\(id)'" + Suggestion.hint(for: id, in: ids), at: key)
                continue
            }
            if settings[id] != nil {
                report("rule '\(id)' is set twice", at: key)
                continue
            }
            var severityNode = value
            if value.mapping != nil {
                let fields = mapping(value, keys: Self.ruleSettingKeys, in: "the settings of \(id)")
                if let runs = fields["runs"]?.value {
                    if id != SourceUnreadableRule.description.id {
                        report("runs is a setting of source-unreadable only, not of \(id)", at: runs)
                    } else if let count = integer(runs, "rules.source-unreadable.runs", minimum: 1) {
                        unreadableRuns = count
                    }
                }
                guard let node = fields["severity"]?.value else {
                    if value.mapping?.isEmpty == false { continue }
                    report("settings of \(id) need a severity (error, warning or info)", at: value)
                    continue
                }
                severityNode = node
            } else if let scalar = value.scalar?.string, ["off", "false"].contains(scalar.lowercased()) {
                settings[id] = .off
                continue
            }
            guard let text = string(severityNode, "the severity of \(id)") else { continue }
            guard let severity = Severity(rawValue: text) else {
                report("unknown severity '\(text)' for \(id)" + Suggestion.hint(for: text, in: Self.severities + ["off"]),
                       at: severityNode)
                continue
            }
            settings[id] = .severity(severity)
        }
        return settings
    }
}
