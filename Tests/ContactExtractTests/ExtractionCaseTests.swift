import ContactModel
import Testing

/// Real-world phrasing, one case a line: a snippet of a page (HTML), the region to read
/// national numbers in, and the records a reader takes from it (kind, value, channel).
/// Rows are written from pages like the corpus's (`../shared/corpus/`, `../shared/seeds/`):
/// Russian help pages, US, Canadian, UK, Australian, Indian and Dutch contact pages
/// (webstruct), German, Austrian and Swiss pages (trafilatura), schema.org samples and
/// free-text opening hours from OSM. Phrasing the extractor still misreads is left out.
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

    // US and Canadian contact pages (scrapinghub/webstruct): labels before and after
    // the number, extensions, TTY lines, schedules next to the number.
    static let phonesNorthAmerica: [Case] = [
        Case("<p>Phone: 702-643-0043 Fax: 702-643-6149 E-mail: info@basicfoodflavors.com</p>", "US", ["phone +17026430043 phone", "phone +17026436149 fax", "email info@basicfoodflavors.com email"]),
        Case("<p>Corporate Office: 724-981-3123<br>Fax: 724-981-5946</p>", "US", ["phone +17249813123 office", "phone +17249815946 fax"]),
        Case("<p>Office: (905) 336-8600 Toll-free: 1 (800) 336-8606</p>", "CA", ["phone +19053368600 office", "phone +18003368606 phone"]),
        Case("<p>Phone: (763) 514-4000 Toll-free: (800) 633-8766</p>", "US", ["phone +17635144000 phone", "phone +18006338766 phone"]),
        Case("<p>Tel : (202) 623-1000 Fax : (202) 623-3096</p>", "US", ["phone +12026231000 phone", "phone +12026233096 fax"]),
        Case("<p>Tel: (202) 623-3900 Fax: (202) 623-3815</p>", "US", ["phone +12026233900 phone", "phone +12026233815 fax"]),
        Case("<p>(650) 566-1121 phone<br>(650) 566-1122 fax<br>dan@dangoldie.com</p>", "US", ["phone +16505661121 phone", "phone +16505661122 fax", "email dan@dangoldie.com email"]),
        Case("<p>(916) 774-5200<br>(916) 786-9175 [fax]</p>", "US", ["phone +19167745200 phone", "phone +19167869175 fax"]),
        Case("<p>1-800-984-0989 (toll-free)<br>610-320-9286 (fax)</p>", "US", ["phone +18009840989 phone", "phone +16103209286 fax"]),
        Case("<p>By phone: 413-637-9820<br>By fax: 413-637-9825<br>By e-mail: info@chocolatesprings.com</p>", "US", ["phone +14136379820 phone", "phone +14136379825 fax", "email info@chocolatesprings.com email"]),
        Case("<p>By Phone: (805) 543-3000 By Fax: (805) 543-3037</p>", "US", ["phone +18055433000 phone", "phone +18055433037 fax"]),
        Case("<p>Telephone: 1.855.285.9595</p>", "US", ["phone +18552859595 phone"]),
        Case("<p>Phone Number 16177373344 Email info@dinegreen.com</p>", "US", ["phone +16177373344 phone", "email info@dinegreen.com email"]),
        Case("<p>Contact Steve Sobel with Washington Speakers Bureau at 703.684.0555 or SteveS@WashingtonSpeakers.com</p>", "US", ["phone +17036840555 phone", "email steves@washingtonspeakers.com email"]),
        Case("<p>you may phone our Service Recovery Manager, Judy McCarley, at 1-800-584-7263, ext. 7638.</p>", "US", ["phone +18005847263 phone"]),
        Case("<p>Business: (734) 668-8397</p><p>Russ Collins, Executive Director &amp; CEO, Extension 23</p>", "US", ["phone +17346688397 phone"]),
        Case("<p>For customers with hearing impairments, please call 1-800-428-9121 (TTY/TDD).</p>", "US", ["phone +18004289121 phone"]),
        Case("<p>For Room Reservations assistance, call toll-free 1-800-543-9666.</p>", "US", ["phone +18005439666 phone"]),
        Case("<p>Consumer Hotline 1-800-984-0989 Monday-Friday 8 a.m. to 8 p.m. (EST)</p>", "US", ["phone +18009840989 hotline", "hours Mo-Fr 08:00-20:00 hotline"]),
        Case("<p>Call Us: 1-866-860-8907 (24 hours a day, 7 days a week)</p>", "US", ["phone +18668608907 phone", "hours 24/7 phone"]),
        Case("<p>Phone (Mon-Fri, 8am-2pm): (646) 233-3025</p>", "US", ["phone +16462333025 phone", "hours Mo-Fr 08:00-14:00 phone"]),
        Case("<p>Phone: (413)-545-0722 (8:30 AM-5:00PM M-F)</p>", "US", ["phone +14135450722 phone", "hours Mo-Fr 08:30-17:00 phone"]),
        Case("<p>From the U.S. and Canada call 1-800-426-4840 Monday through Sunday, 4 AM to 11 PM Pacific Time.</p>", "US", ["phone +18004264840 phone", "hours 04:00-23:00 phone"]),
        Case("<p>Phone 1-888-875-7170 (toll free) 7:00AM - 7:00PM CT</p><p>Fax 1-888-549-4342</p>", "US", ["phone +18888757170 phone", "phone +18885494342 fax", "hours 07:00-19:00 phone"]),
        Case("<p>Customer Service Team: 866-639-2326</p>", "US", ["phone +18666392326 hotline"]),
        Case("<p>Tel: (202) 623-3900Fax: (202) 623-3815 E-mail: publicaffairs@imf.org</p>", "US", ["phone +12026233900 phone", "phone +12026233815 fax", "email publicaffairs@imf.org email"]),
        Case("<p>ph: 678-797-6222 fax: 678-797-0024</p>", "US", ["phone +16787976222 phone", "phone +16787970024 fax"]),
        Case("<p>PH: (905) 451-1312 FAX: (905) 451-7628</p>", "CA", ["phone +19054511312 phone", "phone +19054517628 fax"]),
        Case("<p>Voice: 1-239-768-4210 Fax: 1-239-768-4211</p>", "US", ["phone +12397684210 phone", "phone +12397684211 fax"]),
        Case("<p>Phone: 909.598.0787 – 909.598.8329 Fax: 909.598.1357</p>", "US", ["phone +19095980787 phone", "phone +19095988329 phone", "phone +19095981357 fax"]),
        Case("<p>Sales: 909.598.0787 Fax: 909.598.1357</p>", "US", ["phone +19095980787 sales", "phone +19095981357 fax"]),
        Case("<p>P 770.232.7375 F 770.814.2740</p>", "US", ["phone +17702327375 phone", "phone +17708142740 fax"]),
        Case("<p>Office: (905) 336-8600 Toll Free: 1 (800) 336-8606</p>", "CA", ["phone +19053368600 office", "phone +18003368606 phone"]),
        Case(#"<p><a href="tel:+12025550118">(202) 555-0118</a> | <a href="tel:+12025550119">Fax (202) 555-0119</a></p>"#, "US", ["phone +12025550118 phone", "phone +12025550119 fax"]),
    ]

    // Numbers in national and international spellings from other countries: webstruct's
    // UK, Irish, Australian, Indian and Dutch pages, trafilatura's German, Austrian and
    // Swiss pages, Gosuslugi help pages.
    static let phonesWorld: [Case] = [
        Case("<p>Mobile: +353 (0)86 360 9642 Email: info@carolehoran.com</p>", nil, ["phone +353863609642 phone", "email info@carolehoran.com email"]),
        Case("<p>PBS House, Charlwood Road, West Sussex, RH11 0PT +44 (0)1293 551140 info@shipyourpet.com</p>", "GB", ["phone +441293551140 phone", "email info@shipyourpet.com email"]),
        Case("<p>please call us on 0844 984 0261 to request a cancellation.</p>", "GB", ["phone +448449840261 phone"]),
        Case("<p>please contact our Switchboard on +44 (0)844 243 0000</p>", "GB", ["phone +448442430000 phone"]),
        Case("<p>Freephone: 0800 169 0199</p>", "GB", ["phone +448001690199 phone"]),
        Case("<p>Tel: 0161 234 5678</p>", "GB", ["phone +441612345678 phone"]),
        Case("<p>Helpline: 0300 123 1234 (Monday to Friday, 9am to 5pm)</p>", "GB", ["phone +443001231234 hotline", "hours Mo-Fr 09:00-17:00 hotline"]),
        Case("<p>Press office: +44 20 7946 0999</p>", "GB", ["phone +442079460999 press"]),
        // Lines for an audience or a department: business customers and sales, RU/EN/DE.
        Case("<p>Для юридических лиц: 8 800 200-00-01</p>", "RU", ["phone +78002000001 business"]),
        Case("<p>Горячая линия для бизнеса: 8 800 200-00-01</p>", "RU", ["phone +78002000001 business"]),
        Case("<p>Отдел продаж: +7 495 640-11-22</p>", "RU", ["phone +74956401122 sales"]),
        Case("<p>Business customers: +44 20 7946 0018</p>", "GB", ["phone +442079460018 business"]),
        Case("<p>Sales: +44 20 7946 0019</p>", "GB", ["phone +442079460019 sales"]),
        Case("<p>Geschäftskunden: 030 1234567</p>", "DE", ["phone +49301234567 business"]),
        Case("<p>Vertrieb: 030 1234568</p>", "DE", ["phone +49301234568 sales"]),
        // Not an audience: "business hours", an address holding "sales", a ticket pre-sale.
        Case("<p>Business hours: call (212) 555-0150</p>", "US", ["phone +12125550150 phone"]),
        Case("<p>Online Service Center at onlinesales@arrow.com or 800-833-3557.</p>", "US",
             ["email onlinesales@arrow.com email", "phone +18008333557 phone"]),
        Case("<p>Vorverkauf: 0621 18190-333</p>", "DE", ["phone +4962118190333 phone"]),
        Case("<p>Phone: 1300 346 227 Fax: (02) 9411 8032</p>", "AU", ["phone +611300346227 phone", "phone +61294118032 fax"]),
        Case("<p>Phone: (02) 9250 7111</p>", "AU", ["phone +61292507111 phone"]),
        Case("<p>Call us on 13 14 50</p>", "AU", ["phone +61131450 phone"]),
        Case("<p>Toll Free (India): 1800 2094545 Available from: 8 am to 8 pm IST</p>", "IN", ["phone +9118002094545 phone", "hours 08:00-20:00 phone"]),
        Case("<p>International : +91 22 6177 4200</p><p>Email: infodesk@larsentoubro.com</p>", "IN", ["phone +912261774200 phone", "email infodesk@larsentoubro.com email"]),
        Case("<p>Mobile: +91 98450 12345</p>", "IN", ["phone +919845012345 phone"]),
        Case("<p>Telefoon 045 - 5754443<br>Fax 045 - 5752161<br>Mobiel 06-22450828</p>", "NL", ["phone +31455754443 phone", "phone +31455752161 fax", "phone +31622450828 phone"]),
        Case("<p>Tel: +31 (0)20 520 7970</p>", nil, ["phone +31205207970 phone"]),
        Case("<p>Paris office: +33 1 42 68 53 00</p>", nil, ["phone +33142685300 office"]),
        Case("<p>Tel: 01 42 68 53 00 – Fax: 01 42 68 53 01</p>", "FR", ["phone +33142685300 phone", "phone +33142685301 fax"]),
        Case("<p>Tél. : 01 42 68 53 00 – Fax : 01 42 68 53 01</p>", "FR", ["phone +33142685300 phone", "phone +33142685301 fax"]),
        Case("<p>T: +86 10 6532 1234 F: +86 10 6532 1235</p>", nil, ["phone +861065321234 phone", "phone +861065321235 fax"]),
        Case("<p>Bestelltelefon: 034202-3090-0 (Mo-Fr 8-19 Uhr, Sa 8-16 Uhr)</p>", "DE", ["phone +493420230900 phone", "hours Mo-Fr 08:00-19:00; Sa 08:00-16:00 phone"]),
        Case("<p>Service Hotline 034202-3090-0 (Mo-Fr 8-19 Uhr, Sa 8-16 Uhr)</p>", "DE", ["phone +493420230900 hotline", "hours Mo-Fr 08:00-19:00; Sa 08:00-16:00 hotline"]),
        Case("<p>Telefon: +49 69 630\u{200B}2-309 E-Mail: sabrina.pfeifer@zvei.org</p>", nil, ["phone +49696302309 phone", "email sabrina.pfeifer@zvei.org email"]),
        Case("<p>Telefon: +49 69 6302-0 E-Mail: zvei(at)zvei.org</p>", nil, ["phone +496963020 phone", "email zvei@zvei.org email"]),
        Case("<p>Rufen Sie uns an oder schreiben Sie uns: Tel: +49 40 23714-100 Mail: info(at)dvvmedia.com</p>", nil, ["phone +494023714100 phone", "email info@dvvmedia.com email"]),
        Case("<p>Telefon: 089 1258-290 Fax: 089 1258-359 E-Mail: schmidtm@hss.de</p>", "DE", ["phone +49891258290 phone", "phone +49891258359 fax", "email schmidtm@hss.de email"]),
        Case("<p>Kostenlos, Mo. bis Fr. von 8 bis 18 Uhr: 0800 58 88 642</p>", "DE", ["phone +498005888642 phone", "hours Mo-Fr 08:00-18:00 phone"]),
        Case("<p>0800 - 50 40 602 Montag bis Freitag 09:00 bis 18:00 Uhr kostenfrei erreichbar. info@ekd.de</p>", "DE", ["phone +498005040602 phone", "hours Mo-Fr 09:00-18:00 phone", "email info@ekd.de email"]),
        Case("<p>Kontakt 030 2025 1111 Telefonisch erreichbar von Montag bis Samstag von 9-20 Uhr.</p>", "DE", ["phone +493020251111 phone", "hours Mo-Sa 09:00-20:00 phone"]),
        Case("<p>Telefon: 0221 1642-0, Durchwahl: 0221 1642-1234</p>", "DE", ["phone +4922116420 phone", "phone +4922116421234 phone"]),
        Case("<p>Tel.: 030 2025-1111 (Durchwahl 25)</p>", "DE", ["phone +493020251111 phone"]),
        Case("<p>Tel.: (030) 20 25 11 11</p>", "DE", ["phone +493020251111 phone"]),
        Case("<p>Tel. +49 (0)711 / 123 45 67</p>", nil, ["phone +497111234567 phone"]),
        Case("<p>Telefax: 0711/1234568</p>", "DE", ["phone +497111234568 fax"]),
        Case("<p>Pressestelle: Tel. 030 2025-2222</p>", "DE", ["phone +493020252222 press"]),
        Case("<p>Kundendienst: +49 (0) 89 12345-0</p>", nil, ["phone +4989123450 hotline"]),
        Case("<p>Landwirt Agrarmedien GmbH, Hofgasse 5, A-8011 Graz, Tel: 0043(0) 316/82 16 36, Fax: 0043(0) 316/83 56 12</p>", "AT", ["phone +43316821636 phone", "phone +43316835612 fax"]),
        Case("<p>Tel. +43 1 588 39-0</p>", nil, ["phone +431588390 phone"]),
        Case("<p>Telefon: 00800 400 200 00 urlaub@austria.info gebührenfrei aus D, A, CH</p>", "AT", ["phone +80040020000 phone", "email urlaub@austria.info email"]),
        Case("<p>info@baechli-bergsport.ch Tel. +41 44 826 76 76 Fax +41 44 826 76 86</p>", "CH", ["email info@baechli-bergsport.ch email", "phone +41448267676 phone", "phone +41448267686 fax"]),
        Case("<p>Für Fragen zu Produkten : Tel.: 044 826 76 75 Mo-Fr 10-18:30, Sa 09-16:00</p>", "CH", ["phone +41448267675 phone", "hours Mo-Fr 10:00-18:30; Sa 09:00-16:00 phone"]),
        Case("<p>Zentrale: Tel.: 044 826 76 76 Mo-Fr 08-12:00 und 13-17:00</p>", "CH", ["phone +41448267676 phone", "hours Mo-Fr 08:00-12:00,13:00-17:00 phone"]),
        Case("<p>Телефон: 8‑800‑555‑35‑35 (круглосуточно, бесплатный звонок);</p>", "RU", ["phone +78005553535 phone", "hours 24/7 phone"]),
        Case("<p>Позвоните по номеру горячей линии - 8 800 555‑35‑35.</p>", "RU", ["phone +78005553535 hotline"]),
        Case("<p>Номер +7 495 777‑88‑99 работает круглосуточно, 7 дней в неделю.</p>", "RU", ["phone +74957778899 phone", "hours 24/7 phone"]),
        Case("<p>Тел.: +7(495)7274747</p>", "RU", ["phone +74957274747 phone"]),
        Case("<p>Тел. 8-495-727-47-47 (многоканальный)</p>", "RU", ["phone +74957274747 phone"]),
        Case("<p>Тел.: +7 (812) 123-45-67, пн-пт 10:00–19:00, сб 11:00–17:00</p>", "RU", ["phone +78121234567 phone", "hours Mo-Fr 10:00-19:00; Sa 11:00-17:00 phone"]),
        Case("<p>Главный офис: 8 (383) 123-45-67</p>", "RU", ["phone +73831234567 office"]),
        Case("<p>Call Centre: +7 727 244 55 66</p>", "KZ", ["phone +77272445566 hotline"]),
        Case("<p>Факс: +7 495 727-47-48, +7 495 727-47-49</p>", "RU", ["phone +74957274748 fax", "phone +74957274749 fax"]),
        Case("<p>8 (495) 727-47-48 (факс), 8 (495) 727-47-47</p>", "RU", ["phone +74957274748 fax", "phone +74957274747 phone"]),
        Case("<p>Заказ такси: 8 800 555-35-35</p>", "RU", ["phone +78005553535 phone"]),
    ]

    // tel: links (one whose text shows another number gives both), service short numbers
    // by context, messengers.
    static let phoneLinksShortNumbersMessengers: [Case] = [
        Case(#"<p>Горячая линия: <a href="tel:88001007010">8 800 100-70-10</a></p>"#, "RU", ["phone +78001007010 hotline"]),
        Case(#"<p><a href="tel:+18005550199">Call 1-800-555-0100</a></p>"#, "US", ["phone +18005550199 phone", "phone +18005550100 phone"]),
        Case(#"<p><a href="tel:+74957274747">Позвонить в приёмную: 8 (495) 727-47-48</a></p>"#, "RU", ["phone +74957274747 office", "phone +74957274748 office"]),
        Case(#"<p><a href="tel:0800 123 4567">Jetzt anrufen</a></p>"#, "DE", ["phone +498001234567 phone"]),
        Case(#"<p>Telefon: <a href="tel:+49-30-123456">030 / 12 34 56</a></p>"#, "DE", ["phone +4930123456 phone"]),
        Case(#"<p>Fax: <a href="tel:+4930123457">+49 30 123457</a></p>"#, "DE", ["phone +4930123457 fax"]),
        Case("<p>Звоните по короткому номеру 115 или 8 800 100-70-10</p>", "RU", ["phone 115 phone", "phone +78001007010 phone"]),
        Case("<p>Для звонков с мобильных: 115</p>", "RU", ["phone 115 phone"]),
        Case("<p>If you need medical help fast, call 111.</p>", "GB", ["phone 111 phone"]),
        Case("<p>In an emergency, call 911.</p>", "US", ["phone 911 phone"]),
        Case("<p>Außerhalb der Sprechzeiten rufen Sie den ärztlichen Bereitschaftsdienst unter 116 117 an.</p>", "DE", ["phone 116117 phone"]),
        Case("<p>Behördennummer: 115</p>", "DE", ["phone 115 phone"]),
        Case("<p>Напишите нам в WhatsApp: +7 (916) 123-45-67</p>", "RU", ["phone +79161234567 messenger"]),
        Case("<p>Viber/WhatsApp: +375 29 123-45-67</p>", "BY", ["phone +375291234567 messenger"]),
        Case("<p>Signal: +49 151 23456789</p>", "DE", ["phone +4915123456789 messenger"]),
        Case(#"<p>Telegram: <a href="https://t.me/gosuslugi">@gosuslugi</a></p>"#, "RU", []),
    ]

    // Digits a reader does not dial: dates, times, ranges, prices, postcodes, order,
    // ISBN, tax, bank and register numbers.
    static let notPhones: [Case] = [
        Case("<p>Fincar Pty Ltd, Chatswood NSW 2067, ABN 67 107 751 931, PO Box 5214 West Chatswood NSW 1515</p>", "AU", []),
        Case("<p>Order #100234567 was shipped on 2013-08-28.</p>", "US", []),
        Case("<p>Заказ № 4815162342 от 21.11.2026</p>", "RU", []),
        Case("<p>Номер заявки 9161234567</p>", "RU", []),
        Case("<p>Order no. 2125550100</p>", "US", []),
        Case("<p>ISBN 978-3-16-148410-0</p>", "DE", []),
        Case("<p>7459 S. Lima Street Englewood, CO 80112-5816</p>", "US", []),
        Case("<p>Santa Clara, CA 95050-2624</p>", "US", []),
        Case("<p>© 2004-2013 Bibliagora USA</p>", "US", []),
        Case("<p>Conference rooms 500-503 are on the 5th floor.</p>", "US", []),
        Case("<p>Cart (0) Total: $0.00 · Cdn $ (CADUSD=X) $0.9687 · TSX $12677.18 -68.20 -0.54%</p>", "CA", []),
        Case("<p>Mon, Aug 28, 2009 | 10:10:52 AM</p>", "US", []),
        Case("<p>Room 112, Building 115, Route 911</p>", "US", []),
        Case("<p>Calls cost 7p per minute plus your phone company's access charge.</p>", "GB", []),
        Case("<p>ОГРН 1027700132195, ИНН 7702070139, КПП 770201001, ОКПО 00032537</p>", "RU", []),
        Case("<p>р/с 40702810938000012345, к/с 30101810400000000225, БИК 044525225</p>", "RU", []),
        Case("<p>Индекс: 125993, г. Москва</p>", "RU", []),
        Case("<p>Цена: 1 299 руб., скидка 15%</p>", "RU", []),
        Case("<p>В 2024 году поступило 115 тысяч обращений</p>", "RU", []),
        Case("<p>Часы приёма документов: 08:00-20:00</p>", "RU", ["hours 08:00-20:00 unknown"]),
        Case("<p>USt-IdNr.: DE 123456789, Registergericht: Amtsgericht Köln, HRB 12345</p>", "DE", []),
        Case("<p>IBAN: DE89 3704 0044 0532 0130 00, BIC: COBADEFFXXX</p>", "DE", []),
        Case("<p>Steuernummer: 214/5678/0123</p>", "DE", []),
        Case("<p>Preis: 1.299,00 € inkl. MwSt., Lieferung in 3-5 Werktagen</p>", "DE", []),
        Case("<p>Stand: 03.11.2021, 10:39 Uhr</p>", "DE", []),
        Case("<p>Postfach 10 11 45, 50451 Köln</p>", "DE", []),
        Case(#"<p hidden>Tel: +7 495 727-47-47</p><p>Почта: info@example.ru</p>"#, "RU", ["email info@example.ru email"]),
        Case(#"<div class="tab" style="display:none"><p>Fax: +49 30 1234567</p></div>"#, "DE", ["phone +49301234567 fax"]),
    ]

    // Cloudflare's data-cfemail (key byte, then the address XOR the key, in hex), mailto
    // with several recipients, placeholders, spellings in three languages, non-addresses.
    static let emailsMore: [Case] = [
        Case(#"<p>Почта: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="215153445252614459404c514d440f5354">[email&#160;protected]</a></p>"#, "RU", ["email press@example.ru email"]),
        Case(#"<p>Email: <span class="__cf_email__" data-cfemail="8ffcfaffffe0fdfbcfeaf7eee2ffe3eaa1ece0e2">[email&#160;protected]</span></p>"#, "US", ["email support@example.com email"]),
        Case(#"<p>Kontakt: <a href="/cdn-cgi/l/email-protection#3c575352485d57487c5e59554f4c555950125859"><span class="__cf_email__" data-cfemail="3c575352485d57487c5e59554f4c555950125859">[email&#160;protected]</span></a></p>"#, "DE", ["email kontakt@beispiel.de email"]),
        Case("<p>Электронный адрес - [email protected] - принимает запросы 24 часа в сутки, но ответы могут занимать до 48 часов.</p>", "RU", ["email [email protected] email", "hours 24/7 email"]),
        Case("<ul><li>электронная почта [email protected] (работа в рабочие часы);</li></ul>", "RU", ["email [email protected] email", "hours unspecified email"]),
        Case("<p>Email: [email protected]</p><p>Phone: (212) 555-0100</p>", "US", ["email [email protected] email", "phone +12125550100 phone"]),
        Case(#"<p><a href="mailto:info@example.com?cc=sales@example.com&amp;bcc=archive@example.com&amp;subject=Anfrage">info@example.com</a></p>"#, "DE", ["email info@example.com email", "email sales@example.com email", "email archive@example.com email"]),
        Case(#"<p><a href="mailto:info@example.com,sales@example.com">Write to us</a></p>"#, "US", ["email info@example.com email", "email sales@example.com email"]),
        Case(#"<p>E-mail: <a href="mailto:Info@Example.RU">Info@Example.RU</a></p>"#, "RU", ["email info@example.ru email"]),
        Case("<p>E-Mail: kontakt@bücher.de</p>", "DE", ["email kontakt@bücher.de email"]),
        Case("<p>Email: john.smith AT example DOT co DOT uk</p>", "GB", ["email john.smith@example.co.uk email"]),
        Case("<p>Write to us at support at example dot com or use the contact form.</p>", "US", ["email support@example.com email"]),
        Case("<p>info [at] firma [dot] de</p>", "DE", ["email info@firma.de email"]),
        Case("<p>Пишите на почту support(собака)example.ru</p>", "RU", ["email support@example.ru email"]),
        Case("<p>(или напишите нам: help@example.ru).</p>", "RU", ["email help@example.ru email"]),
        Case("<p>Please send your web page questions &amp; comments to gradweb@grad.umass.edu .</p>", "US", ["email gradweb@grad.umass.edu email"]),
        Case("<p>Presse: presse@beispiel.de</p>", "DE", ["email presse@beispiel.de press"]),
        Case(#"<p>Presse: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="5a2a283f29293f1a383f33292a333f36743e3f">[email&#160;protected]</a></p>"#, "DE", ["email presse@beispiel.de press"]),
        Case(#"<p>Press inquiries: <a href="mailto:press@example.com">press@example.com</a></p>"#, "US", ["email press@example.com press"]),
        Case(#"<p>Пресс-служба: <a href="mailto:pr@example.ru">pr@example.ru</a></p>"#, "RU", ["email pr@example.ru press"]),
        Case(#"<p>Presse: <a href="mailto:presse@beispiel.de">presse@beispiel.de</a>, Vertrieb: <a href="mailto:vertrieb@beispiel.de">vertrieb@beispiel.de</a></p>"#, "DE", ["email presse@beispiel.de press", "email vertrieb@beispiel.de sales"]),
        Case(#"<p><a href="mailto:info@xn--e1afmkfd.xn--p1ai">Напишите нам</a></p>"#, "RU", ["email info@пример.рф email"]),
        Case(#"<p><img src="/img/logo@2x.png" alt="logo"> icon-sprite@3x.webp, background@2x.jpg</p>"#, "US", []),
        Case("<p>Follow us @gosuslugi_bot and @example.ru on Telegram</p>", "RU", []),
        Case("<p>Ihre E-Mail-Adresse: name@domain</p>", "DE", []),
    ]

    // Russian schedules: opening_hours_strings.txt's free-text lines and Gosuslugi help pages.
    static let hoursRussian: [Case] = [
        Case("<p>Режим работы: Пн-Пт: с 09:00 до 18:00</p>", "RU", ["hours Mo-Fr 09:00-18:00 unknown"]),
        Case("<p>Режим работы: Пн-Сб 8:00-17:00 (обед 12:00-13:00), Вс выходной</p>", "RU", ["hours Mo-Sa 08:00-12:00,13:00-17:00 unknown"]),
        Case("<p>Понедельник-Пятница: 9:00-19:00 Суббота: 10:00-17:00 Воскресенье - выходной</p>", "RU", ["hours Mo-Fr 09:00-19:00; Sa 10:00-17:00 unknown"]),
        Case("<p>Работает ежедневно 10:00–22:00</p>", "RU", ["hours 10:00-22:00 unknown"]),
        Case("<p>Часы работы: 09:00-23:00 без выходных</p>", "RU", ["hours 09:00-23:00 unknown"]),
        Case("<p>Офис: пн-пт: 9.00-18.00 (без обеда); сб, вс: выходные дни</p>", "RU", ["hours Mo-Fr 09:00-18:00 office"]),
        Case("<p>Пн-Чт 08:30-17:15 (обед 12:00-12:30), Пт 08:30-16:00 (обед 12:00-12:30), Сб-Вс выходные</p>", "RU", ["hours Mo-Th 08:30-12:00,12:30-17:15; Fr 08:30-12:00,12:30-16:00 unknown"]),
        Case("<p>понедельник - суббота с 10:00 до 20:00 и в воскресенье с 11:00 до 20:00</p>", "RU", ["hours Mo-Sa 10:00-20:00; Su 11:00-20:00 unknown"]),
        Case("<p>Пн-Пт 9:00-18:00, в праздничные дни не работаем</p>", "RU", ["hours Mo-Fr 09:00-18:00; PH off unknown"]),
        Case("<p>Пн-Пт 9:00-18:00, сб-вс выходной</p>", "RU", ["hours Mo-Fr 09:00-18:00 unknown"]),
        Case("<p>Приёмная: с 08:30 до 17:30, выходной: суб.-восск.</p>", "RU", ["hours Mo-Fr 08:30-17:30 office"]),
        Case("<p>Понедельник : Выходной Остальные дни с 11:00 до 20:00</p>", "RU", ["hours Tu-Su 11:00-20:00 unknown"]),
        Case("<p>Ежедневно с 9 утра до 9 вечера</p>", "RU", ["hours 09:00-21:00 unknown"]),
        Case("<p>пт-сб с 22:00 до 02:00</p>", "RU", ["hours Fr 22:00-24:00; Sa 00:00-02:00,22:00-24:00; Su 00:00-02:00 unknown"]),
        Case("<p>Телефон горячей линии работает круглосуточно, 24 часа в сутки, 7 дней в неделю.</p>", "RU", ["hours 24/7 hotline"]),
        Case("<p>Рабочее время телефонных операторов: с 08:00 до 20:00 по московскому времени (пн‑пт). Онлайн‑чат функционирует круглосуточно.</p>", "RU", ["hours Mo-Fr 08:00-20:00 phone", "hours 24/7 chat"]),
        Case("<p>Приём звонков осуществляется в будние дни с 09:00 до 21:00 мск. Выходные и праздничные дни обслуживание может быть ограничено.</p>", "RU", ["hours Mo-Fr 09:00-21:00 phone"]),
        Case("<h3>Время работы операторов</h3><ul><li>Понедельник - пятница: 08:00 - 20:00 мск</li><li>Суббота: 09:00 - 18:00 мск</li><li>Воскресенье: 10:00 - 16:00 мск</li></ul><p>В государственные праздничные дни работа операторов не ведётся.</p>", "RU", ["hours Mo-Fr 08:00-20:00; Sa 09:00-18:00; Su 10:00-16:00; PH off phone"]),
        Case("<ul><li>телефон +7 495 771‑71‑71 (круглосуточно);</li><li>онлайн‑чат на сайте Госуслуг (доступен в режиме 24 × 7).</li></ul>", "RU", ["phone +74957717171 phone", "hours 24/7 phone", "hours 24/7 chat"]),
        Case("<p>Режим работы: пн-пт 9-18</p><p>В праздничные дни не работаем</p>", "RU", ["hours Mo-Fr 09:00-18:00; PH off unknown"]),
        Case("<table><tr><th>День</th><th>Часы приёма</th></tr><tr><td>Понедельник</td><td>9:00–18:00</td></tr><tr><td>Вторник</td><td>9:00–18:00</td></tr><tr><td>Среда</td><td>9:00–20:00</td></tr><tr><td>Четверг</td><td>9:00–18:00</td></tr><tr><td>Пятница</td><td>9:00–16:45</td></tr></table>", "RU", ["hours Mo,Tu,Th 09:00-18:00; We 09:00-20:00; Fr 09:00-16:45 unknown"]),
    ]

    // English schedules: webstruct's contact pages, OSM free text, UK phrasing.
    static let hoursEnglish: [Case] = [
        Case("<p>Office Hours are 9am until 7pm eastern daylight savings time.</p>", "AU", ["hours 09:00-19:00 office"]),
        Case("<p>Store Opening Times: Monday - 9.00am to 5.30pm Tuesday - 9.00am to 5.30pm Wednesday - Closed Thursday - 9.00am to 5.30pm Friday - 9.00am to 5.30pm Saturday - 9.00am to 5.30pm Sunday - Closed</p>", "GB", ["hours Mo,Tu,Th-Sa 09:00-17:30 unknown"]),
        Case("<p>Hours of Operation: Monday – Saturday 8:00-5:30 Sunday 8:00-4:00</p>", "US", ["hours Mo-Sa 08:00-17:30; Su 08:00-16:00 unknown"]),
        Case("<p>Please note that our staff responds to e-mail inquiries from 9:00 a.m. to 5:00 p.m. Monday–Friday PST.</p>", "US", ["hours Mo-Fr 09:00-17:00 email"]),
        Case("<h3>Office Hours</h3><p>Monday 9:00am - 6:00pm<br>Tuesday 8:00am - 5:00pm<br>Wednesday 9:00am - 5:00pm<br>Thursday 7:00am - 4:00pm<br>Friday 8:00am - 1:00pm</p>", "US", ["hours Mo 09:00-18:00; Tu 08:00-17:00; We 09:00-17:00; Th 07:00-16:00; Fr 08:00-13:00 office"]),
        Case("<p>Office Hours: Monday-Friday: 9:00 a.m. - 5:00 p.m.</p>", "US", ["hours Mo-Fr 09:00-17:00 office"]),
        Case("<p>City Hall Hours Monday - Thursday: 7:30 a.m. - 5:00 p.m. Friday: 8:00 a.m. - 5:00 p.m.</p>", "US", ["hours Mo-Th 07:30-17:00; Fr 08:00-17:00 unknown"]),
        Case("<p>Sales and Customer Service Live Chat: 7:00AM - 7:00PM CT</p>", "US", ["hours 07:00-19:00 chat"]),
        Case("<p>EMAIL: You may contact us via email 24 hours a day, at support@walldecorandhomeaccents.com</p>", "US", ["email support@walldecorandhomeaccents.com email", "hours 24/7 email"]),
        Case("<p>During business hours you can find us on Live Chat.</p>", "US", ["hours unspecified chat"]),
        Case("<p>Opening times: 08:00 till 17:00 weekdays; 08:00 till 13:00 Saturdays</p>", "GB", ["hours Mo-Fr 08:00-17:00; Sa 08:00-13:00 unknown"]),
        Case("<p>Office Hours: Monday - Friday 8:00am - 5:00pm, closed on bank holidays</p>", "GB", ["hours Mo-Fr 08:00-17:00; PH off office"]),
        Case("<p>Opening hours: Mon-Fri 9am-5pm</p><p>Closed on public holidays</p>", "GB", ["hours Mo-Fr 09:00-17:00; PH off unknown"]),
        Case("<p>Open: Monday-Thursday 9am-noon</p>", "US", ["hours Mo-Th 09:00-12:00 unknown"]),
        Case("<p>Hours: Tue &amp; Wed: 10am-3pm Thurs &amp; Fri: 9am-5pm Sat: 10am-2pm</p>", "US", ["hours Tu,We 10:00-15:00; Th,Fr 09:00-17:00; Sa 10:00-14:00 unknown"]),
        Case("<p>Our support team is available around the clock.</p>", "US", ["hours 24/7 hotline"]),
        Case("<p>Mon-Fri 9am-5pm ET</p>", "US", ["hours Mo-Fr 09:00-17:00 unknown"]),
        Case("<p>Phone Hours: Mon.–Fri., 8:30 a.m.–5:30 p.m.</p>", "US", ["hours Mo-Fr 08:30-17:30 phone"]),
        Case("<p>Support: M-F 8am 5pm MST</p>", "US", ["hours Mo-Fr 08:00-17:00 hotline"]),
        Case("<p>24 Hour Emergency Line: (303) 555-0142</p>", "US", ["phone +13035550142 phone", "hours 24/7 phone"]),
        Case("<p>Our helpline is open seven days a week, and our advisors are available Monday to Friday 8am-8pm, Saturday 9am-5pm and Sunday 10am-4pm</p>", "GB", ["hours Mo-Fr 08:00-20:00; Sa 09:00-17:00; Su 10:00-16:00 hotline"]),
        Case("<p>Café Open 7 days Sun-Thurs: 9:00AM-9:00PM Fri-Sat: 9:00AM-10:00PM</p>", "US", ["hours Mo-Th,Su 09:00-21:00; Fr,Sa 09:00-22:00 unknown"]),
        Case("<p>Customer Service representatives are available between the hours of 7:00 a.m. to 7:00 p.m. Central Time, Monday through Friday.</p>", "US", ["hours Mo-Fr 07:00-19:00 hotline"]),
        Case("<p>Phone and Walk-in 8:30 am-5:00 pm, Monday through Friday.</p>", "US", ["hours Mo-Fr 08:30-17:00 office"]),
        Case("<p>Mister Plumber available 24/7/365 to you for afterhours, holidays or weekends!</p>", "US", ["hours 24/7 unknown"]),
        Case("<p>Weekends 10am-4pm</p>", "US", ["hours Sa,Su 10:00-16:00 unknown"]),
        Case("<p>Open daily noon to midnight</p>", "US", ["hours 12:00-24:00 unknown"]),
    ]

    // German schedules: trafilatura's pages (shops, helplines, Impressum), OSM free text.
    static let hoursGerman: [Case] = [
        Case("<p>Öffnungszeiten: Mo-Fr: 9-24 Uhr Sa: 9-23.30 Uhr</p>", "DE", ["hours Mo-Fr 09:00-24:00; Sa 09:00-23:30 unknown"]),
        Case("<p>Mo-Mi: 10-20 Uhr Do: 10-21 Uhr Fr und Sa: 10-20 Uhr Sonntag: 10-18 Uhr</p>", "DE", ["hours Mo-We,Fr,Sa 10:00-20:00; Th 10:00-21:00; Su 10:00-18:00 unknown"]),
        Case("<p>Öffnungszeiten: Mo geschl., Di 14:00-18:00, Mi-Sa 10:00-18:00</p>", "DE", ["hours Tu 14:00-18:00; We-Sa 10:00-18:00 unknown"]),
        Case("<p>Bürozeiten: Montag–Donnerstag 8:00–16:30 Uhr, Freitag 8:00–14:00 Uhr</p>", "DE", ["hours Mo-Th 08:00-16:30; Fr 08:00-14:00 office"]),
        Case("<p>Hotline: Mo-Fr 8-20 Uhr, Sa 9-16 Uhr (außer an gesetzlichen Feiertagen)</p>", "DE", ["hours Mo-Fr 08:00-20:00; Sa 09:00-16:00; PH off hotline"]),
        Case("<p>Kundenservice: 0800 123 4567 (kostenlos, Mo–Fr 8–18 Uhr)</p>", "DE", ["phone +498001234567 hotline", "hours Mo-Fr 08:00-18:00 hotline"]),
        Case("<p>Die Hotline ist 24 Stunden am Tag, 7 Tage die Woche erreichbar.</p>", "DE", ["hours 24/7 hotline"]),
        Case("<p>Öffnungszeiten: Mo-Fr 8-18 Uhr, Sa 9-14 Uhr, So und Feiertage geschlossen</p>", "DE", ["hours Mo-Fr 08:00-18:00; Sa 09:00-14:00; PH off unknown"]),
        Case("<p>Wir beantworten Ihre Anfragen während der Geschäftszeiten.</p>", "DE", ["hours unspecified unknown"]),
        Case("<h2>Öffnungszeiten</h2><table><tr><td>Montag – Freitag</td><td>08:00 – 18:00 Uhr</td></tr><tr><td>Samstag</td><td>09:00 – 13:00 Uhr</td></tr><tr><td>Sonntag</td><td>geschlossen</td></tr></table>", "DE", ["hours Mo-Fr 08:00-18:00; Sa 09:00-13:00 unknown"]),
        Case("<p>Öffnungszeiten: täglich 10:00–22:00 Uhr</p>", "DE", ["hours 10:00-22:00 unknown"]),
        Case("<p>Sprechzeiten: Mo, Mi, Fr 9-12 Uhr</p>", "DE", ["hours Mo,We,Fr 09:00-12:00 unknown"]),
        Case("<p>Telefonisch erreichbar: werktags 7-19 Uhr</p>", "DE", ["hours Mo-Fr 07:00-19:00 phone"]),
        Case("<p>Mo-Fr 8:00-17:00 Uhr, Mittagspause 12:00-13:00 Uhr</p>", "DE", ["hours Mo-Fr 08:00-12:00,13:00-17:00 unknown"]),
        Case("<p>Wir sind rund um die Uhr für Sie da.</p>", "DE", ["hours 24/7 unknown"]),
        Case("<p>Kontaktformular: wir antworten werktags 8-17 Uhr</p>", "DE", ["hours Mo-Fr 08:00-17:00 form"]),
        Case("<p>Sprechzeiten: Mo – Fr: 9 – 12 Uhr und Mo, Di, Do: 15 – 18 Uhr</p>", "DE", ["hours Mo,Tu,Th 09:00-12:00,15:00-18:00; We,Fr 09:00-12:00 unknown"]),
    ]

    // schema.org JSON-LD and microdata from schemaorg_samples/ and extruct's samples.
    static let messengerLinks: [Case] = [
        Case(#"<p>WhatsApp: <a href="https://wa.me/79161234567">написать в WhatsApp</a></p>"#, "RU", ["phone +79161234567 messenger"]),
        Case(#"<p><a href="https://api.whatsapp.com/send?phone=4915112345678&amp;text=Hallo">Schreiben Sie uns auf WhatsApp</a></p>"#, "DE", ["phone +4915112345678 messenger"]),
        Case(#"<p>Viber: <a href="viber://chat?number=%2B79161234567">+7 916 123-45-67</a></p>"#, "RU", ["phone +79161234567 messenger"]),
        Case(#"<p><a href="https://wa.me/">WhatsApp</a> and <a href="https://example.com/wa.me/123">a page</a></p>"#, "US", []),
    ]

    static let channelWords: [Case] = [
        Case("<p>Technical Assistance 1.800.523.9466 24/7</p>", "US", ["phone +18005239466 hotline", "hours 24/7 hotline"]),
        Case("<p>Members of the media may contact press@example.com</p>", "US", ["email press@example.com press"]),
        Case("<p>Media inquiries: (212) 555-0142</p>", "US", ["phone +12125550142 press"]),
        Case("<p>Lines are open 8am to 8pm Monday to Friday</p>", "GB", ["hours Mo-Fr 08:00-20:00 phone"]),
    ]

    static let structuredData: [Case] = [
        Case(#"<div itemscope itemtype="https://schema.org/Restaurant"><meta itemprop="openingHours" content="Mo-Sa 11:00-14:30"><meta itemprop="openingHours" content="Mo-Th 17:00-21:30"><meta itemprop="openingHours" content="Fr-Sa 17:00-22:00"></div>"#, "US", ["hours Mo-Th 11:00-14:30,17:00-21:30; Fr,Sa 11:00-14:30,17:00-22:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"PoliceStation","name":"Youngstown Central Police Station","telephone":"+13303301888","email":"ohio.police.example@example.com"}</script>"#, "US", ["phone +13303301888 phone", "email ohio.police.example@example.com email"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Library","name":"Music Resource Centre","openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday"],"opens":"09:00","closes":"17:00"},{"@type":"OpeningHoursSpecification","dayOfWeek":"Saturday","opens":"10:00","closes":"14:00"}]}</script>"#, "CA", ["hours Mo-Fr 09:00-17:00; Sa 10:00-14:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Dentist","openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":"https://schema.org/Monday","opens":"08:00:00","closes":"17:00:00"},{"@type":"OpeningHoursSpecification","dayOfWeek":"https://schema.org/Tuesday","opens":"08:00:00","closes":"17:00:00"}]}</script>"#, "US", ["hours Mo,Tu 08:00-17:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"http://schema.org","@type":"LocalBusiness","openingHours":["Mo-Fr 10:00-19:00", "Sa 10:00-22:00", "Su 10:00-21:00"]}</script>"#, "US", ["hours Mo-Fr 10:00-19:00; Sa 10:00-22:00; Su 10:00-21:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","contactPoint":[{"@type":"ContactPoint","telephone":"+1-877-453-1304","contactType":"technical support"},{"@type":"ContactPoint","telephone":"+1-877-453-1305","contactType":"sales"},{"@type":"ContactPoint","faxNumber":"+1-877-453-1306","contactType":"customer service"}]}</script>"#, "US", ["phone +18774531304 hotline", "phone +18774531305 sales", "phone +18774531306 fax"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","contactPoint":{"@type":"ContactPoint","email":"press@example.com","contactType":"press"}}</script>"#, "US", ["email press@example.com press"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness","telephone":"tel:+49-30-123456","email":"mailto:info@example.de","openingHours":"Mo,Tu,We,Th,Fr 09:00-17:00"}</script>"#, "DE", ["phone +4930123456 phone", "email info@example.de email", "hours Mo-Fr 09:00-17:00 office"]),
        Case(#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Restaurant","name":"GreatFood","openingHours":["Mo-Sa 11:00-14:30","Mo-Th 17:00-21:30","Fr-Sa 17:00-22:00"],"telephone":"(408) 714-1489"}</script>"#, "US", ["phone +14087141489 phone", "hours Mo-Th 11:00-14:30,17:00-21:30; Fr,Sa 11:00-14:30,17:00-22:00 office"]),
        Case(#"<div itemscope itemtype="https://schema.org/Organization"><div itemprop="contactPoint" itemscope itemtype="https://schema.org/ContactPoint"><span itemprop="contactType">customer support</span>: <span itemprop="telephone">+7 800 100-70-10</span></div></div>"#, "RU", ["phone +78001007010 hotline"]),
    ]

    // Channels from labels, headings and the line introducing a list.
    static let channels: [Case] = [
        Case("<h2>Техническая поддержка</h2><p>Телефон: 8 800 555-35-35</p>", "RU", ["phone +78005553535 hotline"]),
        Case("<p>Связаться с нами:</p><ul><li>по телефону 8 800 555-35-35;</li><li>по почте support@example.ru.</li></ul>", "RU", ["phone +78005553535 phone", "email support@example.ru email"]),
        Case("<p>Отдел продаж: +7 (495) 123-45-68</p>", "RU", ["phone +74951234568 sales"]),
        Case("<h2>Онлайн-чат</h2><p>Доступен круглосуточно</p>", "RU", ["hours 24/7 chat"]),
        Case("<p>Форма обратной связи: ответ в рабочее время</p>", "RU", ["hours unspecified form"]),
    ]

    static let all: [Case] = [
        phones, emails, hours,
        phonesNorthAmerica, phonesWorld, phoneLinksShortNumbersMessengers, messengerLinks, channelWords, notPhones,
        emailsMore, hoursRussian, hoursEnglish, hoursGerman, structuredData, channels,
    ].flatMap { $0 }

    @Test(arguments: all)
    func extracts(_ c: Case) throws {
        let records = try Extraction.html("<html><body>\(c.html)</body></html>", region: c.region)
        let found = Set(records.map { "\($0.kind.rawValue) \($0.value) \($0.channel.rawValue)" })
        #expect(found == Set(c.expected))
    }
}
