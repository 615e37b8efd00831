import Testing
@testable import ContactFetch

@Suite struct BudgetMeterTests {
    @Test func pagesAreSpentWhenTheLastAllowedPageStarts() {
        var meter = BudgetMeter(budget: CrawlBudget(pages: 2), start: .now)
        meter.pageStarted()
        #expect(meter.exhausted == nil)
        meter.pageStarted()
        #expect(meter.exhausted == .pages)
        #expect(meter.report(notFetched: 3, now: .now)?.description == "budget spent: pages 2/2; 3 URLs not fetched")
    }

    @Test func bytesAndTime() {
        let start = ContinuousClock.now
        var meter = BudgetMeter(budget: CrawlBudget(bytes: 100, duration: .seconds(5)), start: start)
        meter.received(bytes: 60)
        let early = meter.checkTime(now: start + .seconds(4))
        #expect(!early)
        meter.received(bytes: 60)
        #expect(meter.exhausted == .bytes)
        let late = meter.checkTime(now: start + .seconds(6))
        #expect(!late)  // the first limit spent is the one reported
        #expect(meter.report(notFetched: 1, now: start)?.description == "budget spent: bytes 120/100; 1 URL not fetched")
    }

    @Test func noBudgetNoReport() {
        var meter = BudgetMeter(budget: CrawlBudget(), start: .now)
        for _ in 0..<1000 { meter.pageStarted() }
        #expect(meter.report(notFetched: 0, now: .now) == nil)
    }
}
