import Testing
@testable import ContactHours

/// Issue 13 §1, precision (branch `hoursguard2`): texts whose times are not a channel's weekly
/// hours give nothing. Our own wording per class, several languages; each class ends with texts
/// that are still read.
@Suite struct NoticeClassTests {
    /// Notices, events, restrictions, meal times, a programme's slots, statistics about others.
    @Test(arguments: [
        ("Due to road works the 14:00-16:00 buses on line 7 are cancelled.", "none"),
        ("Bakım çalışması nedeniyle 10:00-12:00 saatleri arasında hizmet verilemeyecektir.", "none"),
        ("Wegen Bauarbeiten fällt der Bus Mo-Fr 9-12 Uhr aus.", "none"),
        ("В связи с ремонтом с 10:00 до 14:00 приём не ведётся", "none"),
        ("Free admission every Thursday 17:00-21:00", "none"),
        ("Eintritt frei jeden Mittwoch 18-20 Uhr", "none"),
        ("Въезд грузовиков запрещён по будням с 8:00 до 20:00", "none"),
        ("Interdit aux poids lourds du lundi au vendredi de 7h à 19h", "none"),
        ("Режим питания: завтрак с 8:00 до 10:00, ужин с 18:00 до 19:00", "none"),
        ("12:30 – 13:30 Coffee break and networking", "none"),
        ("Most banks in the country are open weekdays 9:00-17:00", "none"),
        ("Большинство банков работает по будням с 9:00 до 18:00", "none"),
        ("W czasie kolęd: wtorek 16.00 - 18.00", "none"),
        ("Zapisy na sloty: pon-pt 9-17", "none"),
        // Still read.
        ("Customer service: Monday to Friday 9:00-17:00", "Mo-Fr 09:00-17:00"),
        ("Служба поддержки: пн-пт с 9:00 до 18:00", "Mo-Fr 09:00-18:00"),
    ])
    func notices(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Ordinal weeks of a month, fortnightly, dates written as ordinals beside days.
    @Test(arguments: [
        ("2nd & 4th Tue. 10:00 AM - 1:00 PM", "none"),
        ("Open the 12th, 13th and 14th from 10:00-16:00.", "none"),
        ("2e et 4e mardi de 14h à 17h", "none"),
        ("Le 1er lundi 9h-12h", "none"),
        ("Spreekuur 1e en 3e woensdag 19.00-21.00", "none"),
        ("Jeudi tous les 15 jours de 14h à 16h", "none"),
        ("Permanenza ogni 15 giorni il martedì 9-12", "none"),
        // Still read: a floor or a century is not a date.
        ("2nd floor, open Monday to Friday 9am-5pm", "Mo-Fr 09:00-17:00"),
        ("Bureau au 3e étage, du lundi au vendredi de 9h à 17h", "Mo-Fr 09:00-17:00"),
    ])
    func ordinals(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Not every day, depends on the day, advice on when to come, tariff periods, requirements.
    @Test(arguments: [
        ("12:00-15:00 не каждый день", "none"),
        ("10:00-22:00 (depends on the day)", "none"),
        ("Geöffnet je nach Wetter 10-18 Uhr", "none"),
        ("Ouvert selon les jours de 10h à 18h", "none"),
        ("Лучше звонить с 10:00 до 12:00", "none"),
        ("Am besten erreichen Sie uns Di-Do 14-16 Uhr.", "none"),
        ("Off-peak is 10pm to 7am, Monday to Friday", "none"),
        ("Il servizio dovrà essere attivo dal lunedì al venerdì 8-18", "none"),
        ("El servicio deberá funcionar de lunes a viernes de 8 a 18", "none"),
        // Still read.
        ("Horaires: du lundi au vendredi de 9h à 18h", "Mo-Fr 09:00-18:00"),
        ("Телефон: пн-пт 10:00-19:00", "Mo-Fr 10:00-19:00"),
    ])
    func conditions(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// One service's hours inside another's, an activity's list, days whose hours nobody read.
    @Test(arguments: [
        ("Office Mon-Fri 09:00-17:00 (emergency line from 17:00-22:00) and Sat 10:00-13:00", "none"),
        ("Самовывоз: пн-пт с 10:00 до 18:00, сб с 11:00 до 15:00", "none"),
        ("Click and collect pickup: Mon-Fri 9am-5pm, Sat 10am-2pm", "none"),
        ("Daily 06:00 to 22:00, Non Member guest pass: Monday to Friday 10:00 to 12:00", "none"),
        ("Lunes a viernes de 9 a 13. Sábado de 10:00 a 12:00.", "none"),
        // Still read.
        ("Mon-Fri 9am-5pm, Sat 10am-2pm", "Mo-Fr 09:00-17:00; Sa 10:00-14:00"),
    ])
    func services(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// A time whose only label is a break, and a day with a colon and no hours joined to the next.
    @Test(arguments: [
        ("12:30 – 13:30 Lunch break", "none"),
        ("13:00-14:00 Mittagspause", "none"),
        ("Пн-Пт 13:00-14:00 обед", "none"),
        ("Fermeture 12h00 à 14h00", "none"),
        ("Geschlossen 12-13 Uhr", "none"),
        ("Lundi: 9h-12h Mardi: - Mercredi: 9h-12h", "none"),
        ("Montag: 9-12 Uhr, Dienstag: —, Mittwoch: 9-12 Uhr", "none"),
        // Still read: a break inside the hours, hours without a break, a list of days.
        ("Mon-Fri: 10:00 - 18:00 (12:00 - 13:00, lunch break)", "Mo-Fr 10:00-12:00,13:00-18:00"),
        ("Mo-Fr 9-18 Uhr ohne Mittagspause", "Mo-Fr 09:00-18:00"),
        ("Mo-Fr 9-18 Uhr, Mittagspause 13-14 Uhr", "Mo-Fr 09:00-13:00,14:00-18:00"),
        ("Пн 9-18 Вт / Ср 9-18", "Mo-We 09:00-18:00"),
    ])
    func breaksAndEmptyDays(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }

    /// Parts of a statement left unread: a part of the day after a day with no time of its own,
    /// a second range with no range word before it (not a note inside the hours read).
    @Test(arguments: [
        ("Ouvert 9h-18h sauf jeudi soir", "none"),
        ("10h-18h lundi - samedi matin", "none"),
        ("Mo-Fr 9-18 Uhr außer Mittwoch nachmittags", "none"),
        ("Open 9am-6pm Monday to Friday, 10am and 4pm Sunday", "none"),
        ("Saturday & Sunday 10am to 4pm through the first weekend in October", "none"),
        ("Samstag und Sonntag 10-16 Uhr im Oktober", "none"),
        ("Суббота и воскресенье с 10 до 16 в декабре", "none"),
        // Still read: the part of the day with its own hours, a lone note inside the hours.
        ("Le dimanche matin de 9h à 12h", "Su 09:00-12:00"),
        ("Lunes a viernes mañana: de 9:00 a 13:00", "Mo-Fr 09:00-13:00"),
        ("Mon-Fri 9am-5pm, last entry 4pm", "Mo-Fr 09:00-17:00"),
    ])
    func unreadParts(_ c: (String, String)) {
        #expect(merged(c.0) == c.1, "\(c.0)")
    }
}
