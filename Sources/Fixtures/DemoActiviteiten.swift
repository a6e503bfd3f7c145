import App
import Domain
import Fluent
import Foundation

/// The demo coalition's activiteitenboek: three locations, four partners with staff
/// (one VOG expired, one missing), eleven activities across the domains with one gap
/// (De Vlinder has nothing in ontdekken), weekly sessions since three months with
/// nabespreking and observations, and one open incident. Dates are relative to today,
/// so the demo always looks alive. Loaded once: nothing happens if activities exist.
enum DemoActiviteiten {
    struct Activity {
        let name: String, domain: String, location: String, partner: String?, staff: [String]
        let day: Weekday, start: String, end: String, groups: [Int], max: Int, goals: String
        var status: ActivityStatus = .loopt
    }

    static let staff: [(partner: String, name: String, role: String, vogDaysAgo: Int?)] = [
        ("Sportclub Rivierstad", "Kees Verhoeven", "trainer", 400),
        ("Sportclub Rivierstad", "Anouk de Groot", "trainer", 1_300),  // older than three years
        ("Bibliotheek Rivierstad", "Miriam Hoekstra", "leesconsulent", 200),
        ("Muziekschool De Toonladder", "Jeroen Smit", "muziekdocent", 700),
        ("Welzijn Rivierstad", "Samira Bouzid", "jongerenwerker", 300),
        ("Welzijn Rivierstad", "Tom Visser", "vrijwilliger", nil),
    ]

    static let activities: [Activity] = [
        Activity(name: "Voetbal na school", domain: "sport", location: "De Regenboog", partner: "Sportclub Rivierstad", staff: ["Kees Verhoeven"],
                 day: .maandag, start: "15:00", end: "16:00", groups: [5, 6, 7, 8], max: 20, goals: "Leerlingen bewegen meer en leren samenspelen.\n- Samen afspraken maken\n- Winnen en verliezen"),
        Activity(name: "Voorleesclub", domain: "cultuur", location: "De Regenboog", partner: "Bibliotheek Rivierstad", staff: ["Miriam Hoekstra"],
                 day: .dinsdag, start: "14:30", end: "15:30", groups: [3, 4], max: 15, goals: "Plezier in lezen; de woordenschat groeit."),
        Activity(name: "Huiswerkclub", domain: "cognitief", location: "De Regenboog", partner: nil, staff: [],
                 day: .woensdag, start: "12:30", end: "13:30", groups: [6, 7, 8], max: 12, goals: "Leerlingen maken hun huiswerk met hulp en leren plannen."),
        Activity(name: "Natuurspeurtocht", domain: "ontdekken", location: "De Regenboog", partner: "Welzijn Rivierstad", staff: ["Samira Bouzid"],
                 day: .donderdag, start: "15:00", end: "16:30", groups: [4, 5, 6], max: 16, goals: "Leerlingen ontdekken de natuur in de wijk."),
        Activity(name: "Dans en beweging", domain: "sport", location: "Het Anker", partner: "Sportclub Rivierstad", staff: ["Kees Verhoeven"],
                 day: .dinsdag, start: "15:15", end: "16:15", groups: [3, 4, 5], max: 18, goals: "Bewegen op muziek, zelfvertrouwen."),
        Activity(name: "Muziek maken", domain: "cultuur", location: "Het Anker", partner: "Muziekschool De Toonladder", staff: ["Jeroen Smit"],
                 day: .donderdag, start: "15:00", end: "16:00", groups: [5, 6], max: 14, goals: "Samen een instrument leren bespelen en optreden voor ouders."),
        Activity(name: "Rekenlab", domain: "cognitief", location: "Het Anker", partner: nil, staff: [],
                 day: .maandag, start: "15:00", end: "15:45", groups: [7, 8], max: 10, goals: "Rekenen met spellen en echte opdrachten."),
        Activity(name: "Techniekclub", domain: "ontdekken", location: "Het Anker", partner: "Welzijn Rivierstad", staff: ["Samira Bouzid"],
                 day: .woensdag, start: "13:00", end: "14:30", groups: [6, 7, 8], max: 12, goals: "Bouwen, programmeren en uitvinden."),
        Activity(name: "Judo", domain: "sport", location: "De Vlinder", partner: "Sportclub Rivierstad", staff: ["Anouk de Groot"],
                 day: .vrijdag, start: "14:00", end: "15:00", groups: [4, 5, 6], max: 16, goals: "Respect, regels en zelfbeheersing.", status: .gepland),
        Activity(name: "Theaterles", domain: "cultuur", location: "De Vlinder", partner: "Muziekschool De Toonladder", staff: ["Jeroen Smit"],
                 day: .woensdag, start: "12:45", end: "14:00", groups: [5, 6, 7, 8], max: 20, goals: "Durven spelen voor een groep."),
        Activity(name: "Taalspel", domain: "cognitief", location: "De Vlinder", partner: "Bibliotheek Rivierstad", staff: ["Miriam Hoekstra"],
                 day: .donderdag, start: "14:30", end: "15:15", groups: [1, 2, 3], max: 12, goals: "Woordenschat vergroten met spel."),
    ]

    static let wentWell = ["De groep werkte goed samen.", "Iedereen deed mee, ook de stille kinderen.", "De nieuwe opzet met kleine groepjes werkte.", "Goede sfeer, veel gelachen."]
    static let improve = ["Beter starten: de eerste tien minuten waren onrustig.", "Meer tijd voor het afsluiten.", "Materiaal vooraf klaarzetten.", ""]

    static func load(on db: any Database, coalitionID cid: UUID, locations: [String: UUID], partners: [String: UUID], clock: WallClock) async throws {
        let today = clock.today
        guard try await ActiviteitenStore(coalitionID: cid, on: db).count(.all) == 0 else { return }
        let places = PlacesStore(coalitionID: cid, on: db)
        for (name, address, groups) in [("De Regenboog", "Rivierweg 12, Rivierstad", "1,2,3,4,5,6,7,8"),
                                        ("Het Anker", "Havenstraat 3, Rivierstad", "1,2,3,4,5,6,7,8"),
                                        ("De Vlinder", "Bloemenlaan 40, Rivierstad", "1,2,3,4,5,6,7,8")] {
            if let location = try await places.locations().first(where: { $0.name == name }) {
                location.address = address
                location.yearGroups = groups
                try await location.update(on: db)
            }
        }
        for (name, contact) in [("Sportclub Rivierstad", "Peter Bakker"), ("Bibliotheek Rivierstad", "Miriam Hoekstra"),
                                ("Muziekschool De Toonladder", "Ellen Mulder"), ("Welzijn Rivierstad", "Samira Bouzid")] {
            if let partner = try await places.partners().first(where: { $0.name == name }) {
                partner.contactName = contact
                try await partner.update(on: db)
            }
        }
        var staffIDs: [String: UUID] = [:]
        for person in staff {
            guard let partnerID = partners[person.partner] else { continue }
            let record = StaffRecord()
            record.coalitionID = cid
            record.partnerID = partnerID
            record.name = person.name
            record.role = person.role
            record.vogDate = person.vogDaysAgo.map { today.adding(days: -$0).iso }
            record.version = 1
            try await record.create(on: db)
            staffIDs[person.name] = (try record.requireID())
        }
        let start = today.adding(days: -91)
        let end = DateRange.schoolYear(containing: today).to
        for (index, spec) in activities.enumerated() {
            guard let locationID = locations[spec.location] else { continue }
            let a = ActivityRecord()
            a.coalitionID = cid
            a.name = spec.name
            a.domain = spec.domain
            a.locationID = locationID
            a.partnerID = spec.partner.flatMap { partners[$0] }
            a.weekdays = String(spec.day.rawValue)
            a.startTime = spec.start
            a.endTime = spec.end
            a.startsOn = start.iso
            a.endsOn = end.iso
            a.yearGroups = YearGroups(spec.groups)?.stored ?? ""
            a.maxGroupSize = spec.max
            a.goals = spec.goals
            a.inSchool = index % 4 != 3
            a.vierOgen = true
            a.contactBeforeAfter = true
            a.schoolPresent = a.inSchool ? "De leerkracht van de groep" : "De conciërge bij vertrek en terugkomst"
            a.status = spec.status
            if spec.status == .loopt {
                a.checkAnswers = VoorafCheck.Answers(yes: Set(VoorafCheck.questions.map(\.key)).subtracting(index == 2 ? ["interesses"] : []),
                                                     no: index == 2 ? ["interesses"] : []).stored
                a.checkEvaluation = "Nabespreking na elke sessie; elke maand een observatie met de Leuvense schalen."
                a.checkAt = clock.now.addingTimeInterval(-95 * 86_400)
                a.checkByName = "Mohamed El Amrani"
            }
            a.version = 1
            try await a.create(on: db)
            for name in spec.staff {
                if let id = staffIDs[name] { try await ActivityStaffRecord(coalitionID: cid, activityID: (try a.requireID()), staffID: id).create(on: db) }
            }
            guard spec.status == .loopt, let period = a.period else { continue }
            let dates = period.dates(on: [spec.day])
            // The partner of the first activity has not filled in last week's session yet:
            // the job the start page offers them.
            let forgotten = index == 0 ? dates.last { $0 < today } : nil
            for (n, date) in dates.enumerated() {
                let s = ActivitySessionRecord(coalitionID: cid, activityID: (try a.requireID()), date: date)
                if date < today, date != forgotten {
                    let seed = index * 7 + n
                    if seed % 11 == 5 {
                        s.cancelled = true
                    } else {
                        s.pupils = max(4, spec.max - (seed % 5))
                        s.wentWell = wentWell[seed % wentWell.count]
                        s.improve = improve[(seed / 2) % improve.count]
                        s.recordedByName = "Mohamed El Amrani"
                        if n % 2 == 0 {
                            // Involvement grows a little over the months; both forms of the instrument occur.
                            let level = min(8, 3 + n / 4 + seed % 2)
                            if index % 2 == 0 {
                                s.betrokkenheid = Observation.group(score: 1 + Double(level) / 2).stored
                                s.welbevinden = Observation.group(score: 1 + Double(min(8, level + 1)) / 2).stored
                            } else {
                                var counts = Array(repeating: 0, count: 9)
                                let pupils = s.pupils!
                                counts[level] = pupils / 2
                                counts[max(0, level - 2)] = pupils / 4
                                counts[min(8, level + 2)] = pupils - pupils / 2 - pupils / 4
                                s.betrokkenheid = Observation.counts(counts).stored
                            }
                        }
                    }
                }
                if index == 0 && date < today && today.dayNumber - date.dayNumber <= 21 && today.dayNumber - date.dayNumber > 14 {
                    s.incident = true
                    s.incidentText = "Een leerling viel bij een sprint en bezeerde een knie. De trainer gaf EHBO; de leerkracht belde de ouders. Volgende keer een langere warming-up."
                }
                try await s.create(on: db)
            }
        }
    }
}
