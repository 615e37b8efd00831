import ContactModel
import Testing

/// Real-world phrasing, one case a line: a snippet of a page (HTML), the region to read
/// national numbers in, and the records a reader takes from it (kind, value, channel).
/// Rows are written from pages like the corpus's: Russian help pages, US and UK contact
/// pages, German Impressum pages.
@Suite struct ExtractionCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var html: String
        var region: String?
        var expected: [String]   // "kind value channel"
        init(_ html: String, _ region: String?, _ expected: [String]) {
            self.html = html
            self.region = region
            self.expected = expected
        }
        var testDescription: String { String(html.prefix(90)) }
    }

    static let phones: [Case] = [
        Case("<p>Телефон горячей линии: 8 800 100-70-10</p>", "RU", ["phone +78001007010 hotline"]),
        Case("<p>Единый номер: 8 (800) 100‑70‑10 (звонок бесплатный)</p>", "RU", ["phone +78001007010 hotline"]),
        Case("<p>Тел.: +7 (495) 727-47-47</p>", "RU", ["phone +74957274747 phone"]),
        Case("<p>Факс: +7 495 727-47-48</p>", "RU", ["phone +74957274748 fax"]),
        Case("<p>Тел./факс: (495) 727-47-48</p>", "RU", ["phone +74957274748 fax"]),
        Case("<p>Телефон: +7 495 727-47-47, факс: +7 495 727-47-48</p>", "RU",
             ["phone +74957274747 phone", "phone +74957274748 fax"]),
        Case("<p>WhatsApp: +7 916 123-45-67</p>", "RU", ["phone +79161234567 messenger"]),
        Case("<p>Telegram и Viber: +7 (916) 123 45 67</p>", "RU", ["phone +79161234567 messenger"]),
        Case("<p>Для СМИ: +7 495 123-45-67</p>", "RU", ["phone +74951234567 press"]),
        Case("<p>Пресс-служба: 8 (495) 123-45-67</p>", "RU", ["phone +74951234567 press"]),
        Case("<p>Приёмная: +7 495 123-45-67</p>", "RU", ["phone +74951234567 office"]),
        Case("<h2>Офис в Москве</h2><p>+7 495 123-45-67</p>", "RU", ["phone +74951234567 office"]),
        Case("<p>Телефон доверия: 8-800-200-01-22</p>", "RU", ["phone +78002000122 hotline"]),
        Case("<p>Служба поддержки: +7 495 771-71-71</p>", "RU", ["phone +74957717171 hotline"]),
        Case("<h2>Горячая линия</h2><p>Звоните: 8 800 100-70-10</p>", "RU", ["phone +78001007010 hotline"]),
        Case("<p>Позвоните по номеру 115 (бесплатно с мобильных)</p>", "RU", ["phone 115 phone"]),
        Case("<p>Горячая линия: короткий номер 115</p>", "RU", ["phone 115 hotline"]),
        Case("<p>В экстренных случаях звоните 112</p>", "RU", ["phone 112 phone"]),
        Case("<p>Стоимость 115 руб., 112 страниц</p>", "RU", []),
        Case("<p>Доставка за 900 рублей</p>", "RU", []),
        Case(#"<p><a href="tel:115">115</a></p>"#, "RU", ["phone 115 phone"]),
        Case("<p>Тел. +7 495 727-47-47 доб. 123</p>", "RU", ["phone +74957274747 phone"]),
        Case("<p>Коды 8 (800) или 8 (495) указывают на официальную линию</p>", "RU", []),
        Case("<p>Закон ФЗ‑152 «О персональных данных» от 27.07.2006</p>", "RU", []),
        Case("<p>Режим работы: 08:00-20:00, перерыв 13:00-14:00</p>", "RU", ["hours 08:00-13:00,14:00-20:00 unknown"]),
        Case("<p>ИНН 7710474375, ОГРН 1047796000000</p>", "RU", []),
        Case("<p>Call us: (212) 555-0100</p>", "US", ["phone +12125550100 phone"]),
        Case("<p>Customer Service: 1-800-555-0199</p>", "US", ["phone +18005550199 hotline"]),
        Case("<p>Toll-free helpline 1 (800) 555-0199</p>", "US", ["phone +18005550199 hotline"]),
        Case("<p>Fax: (212) 555-0101</p>", "US", ["phone +12125550101 fax"]),
        Case("<p>Phone: 212.555.0100 | Fax: 212.555.0101</p>", "US",
             ["phone +12125550100 phone", "phone +12125550101 fax"]),
        Case("<h3>Phone &amp; Fax</h3><p>Phone: (212) 555-0100</p>", "US", ["phone +12125550100 phone"]),
        Case("<p>Main office: (212) 555-0100 ext. 12</p>", "US", ["phone +12125550100 office"]),
        Case("<p>Press inquiries: (212) 555-0150</p>", "US", ["phone +12125550150 press"]),
        Case("<p>Tel: 020 7946 0018</p>", "GB", ["phone +442079460018 phone"]),
        Case("<p>Telephone: +44 (0)20 7946 0018</p>", nil, ["phone +442079460018 phone"]),
        Case("<p>In an emergency dial 999</p>", "GB", ["phone 999 phone"]),
        Case("<p>Telefon: 030 123456</p>", "DE", ["phone +4930123456 phone"]),
        Case("<p>Telefax: +49 30 1234567</p>", nil, ["phone +49301234567 fax"]),
        Case("<p>Kundenservice: 0800 123 4567</p>", "DE", ["phone +498001234567 hotline"]),
        Case("<p>Rufen Sie uns an: +49 (0) 30 123456</p>", nil, ["phone +4930123456 phone"]),
        Case("<p>Posted 2026-11-21, version 2.0.1, score 3:1</p>", "US", []),
        Case("<p>Price: $1,500.00 or 1500-1600 units</p>", "US", []),
        // Four-digit years and times that libphonenumber reads as short German numbers.
        Case("<p>Mittwoch, 03. November 2021, 16.45 Uhr</p>", "DE", []),
        Case("<p>Die Stadt erkaufte sich im Jahr 1681 bei Kaiser Leopold I. das Stadtrecht für 60000 Gulden</p>", "DE", []),
        Case("<script>var tel = '+7 495 727-47-47';</script><p>нет номера</p>", "RU", []),
    ]

    static let emails: [Case] = [
        Case("<p>Пишите: support@gosuslugi.ru</p>", "RU", ["email support@gosuslugi.ru email"]),
        Case("<p>Почта для СМИ: press@example.ru</p>", "RU", ["email press@example.ru press"]),
        Case("<p>E-mail: Info@Example.COM.</p>", "US", ["email info@example.com email"]),
        Case("<p>info@пример.рф</p>", "RU", ["email info@пример.рф email"]),
        Case("<p>info [at] example [dot] ru</p>", "RU", ["email info@example.ru email"]),
        Case("<p>info(at)example.ru</p>", "RU", ["email info@example.ru email"]),
        Case("<p>info собака example точка ru</p>", "RU", ["email info@example.ru email"]),
        Case("<p>info @ example . ru</p>", "RU", ["email info@example.ru email"]),
        Case("<p>john at example dot com</p>", "US", ["email john@example.com email"]),
        Case("<p>We meet at noon at the office.</p>", "US", []),
        Case(#"<p><a href="mailto:help@example.com?subject=Hi&amp;cc=boss@example.com">write</a></p>"#, "US",
             ["email boss@example.com email", "email help@example.com email"]),
        Case(#"<p><a href="mailto:%69nfo@example.com">mail</a></p>"#, "US", ["email info@example.com email"]),
        Case("<p>Электронная почта: [email protected]</p>", "RU", ["email [email protected] email"]),
        Case("<p>Email: [email\u{A0}protected]</p>", "US", ["email [email protected] email"]),
        Case("<p>logo@2x.png</p>", "US", []),
        Case("<p>@twitter_handle and user@ and @x.ru</p>", "US", []),
        Case("<p>sales{at}acme{dot}co{dot}uk</p>", "GB", ["email sales@acme.co.uk email"]),
        Case("<p>Kontakt: kontakt@beispiel.de</p>", "DE", ["email kontakt@beispiel.de email"]),
    ]

    static let hours: [Case] = [
        Case("<p>Горячая линия работает круглосуточно</p>", "RU", ["hours 24/7 hotline"]),
        Case("<p>Онлайн-чат: 24 × 7</p>", "RU", ["hours 24/7 chat"]),
        Case("<p>Чат активен в рабочие часы: 08:00-20:00 мск.</p>", "RU", ["hours 08:00-20:00 chat"]),
        Case("<p>Приём звонков: пн–пт 9–18</p>", "RU", ["hours Mo-Fr 09:00-18:00 phone"]),
        Case("<p>Операторы поддержки: в будние дни с 09:00 до 21:00 мск</p>", "RU", ["hours Mo-Fr 09:00-21:00 hotline"]),
        Case("<p>Офис: вт, чт с 14:00 до 17:00</p>", "RU", ["hours Tu,Th 14:00-17:00 office"]),
        Case("<p>Форма обратной связи доступна круглосуточно</p>", "RU", ["hours 24/7 form"]),
        Case("<p>Ответим на письмо в рабочие часы</p>", "RU", ["hours unspecified unknown"]),
        Case("<p>Ответ в течение 24 часов</p>", "RU", []),
        Case("<h2>Время работы операторов</h2><ul><li>Понедельник - пятница: 08:00 - 20:00 мск</li><li>Суббота: 09:00 - 18:00 мск</li></ul>",
             "RU", ["hours Mo-Fr 08:00-20:00; Sa 09:00-18:00 phone"]),
        Case("<h2>Часы работы офиса</h2><table><tr><td>Пн–Пт</td><td>9:00–18:00</td></tr><tr><td>Сб</td><td>10:00–14:00</td></tr></table>",
             "RU", ["hours Mo-Fr 09:00-18:00; Sa 10:00-14:00 office"]),
        Case("<p>Customer service hours: Monday to Friday, 9am–5pm</p>", "US", ["hours Mo-Fr 09:00-17:00 hotline"]),
        Case("<p>Live chat: Mon–Fri 8:30 AM – 5:30 PM</p>", "US", ["hours Mo-Fr 08:30-17:30 chat"]),
        Case("<h3>Office hours</h3><table><tr><td>Mon - Fri</td><td>9:00 - 17:00</td></tr><tr><td>Sat</td><td>10 AM – 2 PM</td></tr><tr><td>Sun</td><td>Closed</td></tr></table>",
             "US", ["hours Mo-Fr 09:00-17:00; Sa 10:00-14:00 office"]),
        Case("<p>Our phone lines are open 24 hours a day, 7 days a week</p>", "GB", ["hours 24/7 phone"]),
        Case("<p>Telefonisch erreichbar: Montag bis Freitag 8–16 Uhr</p>", "DE", ["hours Mo-Fr 08:00-16:00 phone"]),
        Case("<p>Hotline rund um die Uhr</p>", "DE", ["hours 24/7 hotline"]),
        Case(#"<script type="application/ld+json">{"@type":"LocalBusiness","openingHours":["Mo-Fr 09:00-18:00","Sa 10:00-14:00"]}</script>"#,
             "US", ["hours Mo-Fr 09:00-18:00; Sa 10:00-14:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","contactPoint":{"@type":"ContactPoint","telephone":"+1-800-555-0199","contactType":"customer service","hoursAvailable":{"@type":"OpeningHoursSpecification","dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday"],"opens":"09:00","closes":"17:00"}}}</script>"#,
             "US", ["phone +18005550199 hotline", "hours Mo-Fr 09:00-17:00 hotline"]),
        Case(#"<script type="application/ld+json">{"@graph":[{"@type":"GovernmentOffice","telephone":"+7 495 727-47-47","email":"info@example.ru","faxNumber":"+7 495 727-47-48"}]}</script>"#,
             "RU", ["phone +74957274747 phone", "phone +74957274748 fax", "email info@example.ru email"]),
        Case(#"<div itemscope itemtype="https://schema.org/LocalBusiness"><meta itemprop="openingHours" content="Mo-Sa 10:00-19:00"><span itemprop="telephone">+49 30 123456</span></div>"#,
             "DE", ["hours Mo-Sa 10:00-19:00 office", "phone +4930123456 phone"]),
        Case(#"<div class="vcard"><div class="tel"><span class="type">Fax</span>: <span class="value">+44 20 7946 0666</span></div><a class="email" href="mailto:hello@example.co.uk">hello@example.co.uk</a></div>"#,
             "GB", ["phone +442079460666 fax", "email hello@example.co.uk email"]),
    ]

    @Test(arguments: phones + emails + hours)
    func extracts(_ c: Case) throws {
        let records = try Extraction.html("<html><body>\(c.html)</body></html>", region: c.region)
        let found = Set(records.map { "\($0.kind.rawValue) \($0.value) \($0.channel.rawValue)" })
        #expect(found == Set(c.expected))
    }
}
