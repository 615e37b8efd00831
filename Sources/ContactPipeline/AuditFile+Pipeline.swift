import ContactAudit
import ContactExtract
import ContactFetch

/// Where the audit file's settings meet the pipeline: kept here so
/// that the audit module does not depend on fetching or extraction.
extension AuditFile {
    /// The built-in service short numbers, plus the catalog's own short numbers and the
    /// file's `short_numbers:`, which are recognised in every region.
    public var shortNumberTable: ShortNumberTable {
        var table = ShortNumberTable.builtIn
        let catalogShort = catalog.phones.map(\.number).filter { !$0.hasPrefix("+") }
            + catalog.deprecatedPhones.filter { !$0.hasPrefix("+") }
        table.everywhere.formUnion(catalogShort + shortNumbers)
        return table
    }
}

extension CrawlSettings {
    public var crawlConfig: CrawlConfig {
        var config = CrawlConfig()
        config.depth = depth
        config.maxPages = maxPages
        if let maxBytes { config.limits.maxBodyBytes = maxBytes }
        if let timeoutSeconds { config.limits.transferTimeout = .milliseconds(Int(timeoutSeconds * 1000)) }
        if let delaySeconds { config.perHostDelay = .milliseconds(Int(delaySeconds * 1000)) }
        if let userAgent { config.userAgent = userAgent }
        config.addressPolicy = AddressPolicy(allowPrivateHosts: allowPrivate)
        config.budget = CrawlBudget(pages: budget.pages, bytes: budget.bytes,
                                    duration: budget.seconds.map { .milliseconds(Int($0 * 1000)) })
        return config
    }
}
