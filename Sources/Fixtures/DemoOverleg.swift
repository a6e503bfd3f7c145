import App
import Domain
import Fluent
import Foundation

/// The demo's network: a quarterly wijkoverleg with Welzijn Rivierstad over the last four
/// quarters (one cancelled, so a quarter was missed), two netwerkoverleggen this school year,
/// a reflection meeting, and four cadence rules that end up in different states. Dated from the clock. Loaded once.
enum DemoOverleg {
    static func load(on db: any Database, coalitionID cid: UUID, partners: [String: UUID], clock: WallClock) async throws {
        let store = OverlegStore(coalitionID: cid, on: db)
        guard try await store.rules().isEmpty, let welzijn = partners["Welzijn Rivierstad"], let sport = partners["Sportclub Rivierstad"],
              let muziek = partners["Muziekschool De Toonladder"] else { return }
        // The network meeting is for everyone but the researchers and the youth team, who have not been met in half a year.
        let today = clock.today, everyone = partners.filter { !["Lectoraat", "Jeugdteam"].contains(where: $0.key.hasPrefix) }.values.sorted { $0.uuidString < $1.uuidString }
        let gemeente = partners["Gemeente Rivierstad"], bestuur = partners["Stichting Primair Onderwijs Rivierstad"]
        var held: [(kind: String, id: UUID, day: IsoDate)] = []
        func add(_ kind: String, _ day: IsoDate, _ slot: String, place: String, invited: [UUID], cancelled: Bool = false, agenda: String, report: String) async throws {
            let status: MeetingStatus = cancelled ? .afgelast : day < today ? .gehouden : .gepland
            let input = MeetingInput(kind: kind, day: day, slot: TimeSlot(slot), place: place, status: status, invited: invited,
                                     present: status == .gehouden ? invited : [], agenda: agenda, report: status == .gehouden ? report : "")
            let record = MeetingRecord(coalitionID: cid, input)
            try await store.add(record)
            if status == .gehouden { held.append((kind, try record.requireID(), day)) }
        }
        // The first Tuesday of each quarter's middle month; the second-oldest was cancelled.
        for (index, quarter) in IndicatorPeriod.recent(4, .kwartaal, upTo: today).enumerated() {
            let day = MeetingSeries.day(.eerste, .dinsdag, of: quarter.first.adding(months: 1))
            try await add("Wijkoverleg", day, "15:30-17:00", place: "Buurthuis De Brug", invited: [welzijn], cancelled: index == 1,
                          agenda: "1. Signalen uit de wijk\n2. Aanbod na school\n3. Rondvraag",
                          report: "Welzijn ziet meer kinderen uit groep 7 en 8 bij de inloop. Afgesproken: de jongerenwerker komt één keer per maand langs bij Het Anker.")
        }
        let year = SchoolYear(containing: today)
        for (month, text) in [(10, "Terugblik op de zomer en plannen voor het najaar"), (3, "Tussenstand van het jaarplan")] {
            let monthValue = Month(year: month >= 8 ? year.start : year.start + 1, month: month)!
            try await add("Netwerkoverleg", MeetingSeries.day(.tweede, .donderdag, of: monthValue), "19:30-21:00", place: "Online (Teams)", invited: everyone,
                          agenda: "1. \(text)\n2. Wat gaat goed, wat kan beter\n3. Afspraken", report: "Alle partners waren er. De scholen vragen de activiteiten vóór de herfstvakantie rond te hebben.")
        }
        // A reflection meeting a week ago (or today, early in a half year), held.
        let half = IndicatorPeriod(.halfjaar, containing: today)
        let reflection = MeetingInput(kind: "Reflectiebijeenkomst", day: max(today.adding(days: -7), half.firstDay), slot: TimeSlot("14:00-16:00"),
                                      place: "Bibliotheek Rivierstad", status: .gehouden, invited: [sport, welzijn], present: [sport, welzijn],
                                      agenda: "Wat zien we bij de kinderen? Leuvense schaal: twee observaties naast elkaar gelegd.",
                                      report: "De begeleiders van sport en welzijn kijken elkaars sessie en bespreken hun observaties.")
        if let gemeente, let bestuur {
            try await add("Bestuurlijk overleg", today.adding(days: -55), "10:00-11:30", place: "Stadhuis", invited: [gemeente, bestuur],
                          agenda: "1. Kwaliteitsrapport\n2. Subsidie volgend schooljaar", report: "De wethouder en het schoolbestuur willen de samenwerking vastleggen in een convenant.")
        }
        let reflectionRecord = MeetingRecord(coalitionID: cid, reflection)
        try await store.add(reflectionRecord)
        // Agreements: one of the last wijkoverleg held, which became a jaarplan action; one of the reflection meeting.
        if let wijk = held.last(where: { $0.kind == "Wijkoverleg" }) {
            let agreement = AgreementInput(text: "De jongerenwerker komt één keer per maand langs bij Het Anker, op de inloop na school.",
                                           owner: "Jongerenwerker", organisation: welzijn, deadline: Wanneer.parse("elke maand, tot de zomervakantie"))
            try await store.add(agreement, to: wijk.id, planFor: SchoolYear(containing: wijk.day), owner: agreement.ownerLabel(organisationName: "Welzijn Rivierstad"))
        }
        try await store.add(AgreementInput(text: "Elkaars sessie bezoeken en de observaties (Leuvense schaal) samen bespreken.",
                                           owner: "Begeleiders sport en welzijn", organisation: sport, deadline: Wanneer.parse("voor de volgende reflectiebijeenkomst")),
                            to: try reflectionRecord.requireID(), planFor: nil)
        let rules = [
            CadenceRule(minimum: 1, kind: "Wijkoverleg", organisations: [welzijn], eachOrganisation: false, rhythm: .kwartaal),
            CadenceRule(minimum: 2, kind: "Netwerkoverleg", organisations: [], eachOrganisation: false, rhythm: .schooljaar),
            CadenceRule(minimum: 1, kind: "Reflectiebijeenkomst", organisations: [], eachOrganisation: false, rhythm: .halfjaar),
            CadenceRule(minimum: 1, kind: nil, organisations: [sport, muziek], eachOrganisation: true, rhythm: .halfjaar),
        ]
        var first: CadenceRuleRecord?
        for rule in rules.compactMap({ $0 }) {
            let record = CadenceRuleRecord(coalitionID: cid, rule)
            try await store.add(record)
            first = first ?? record
        }
        // The wijkoverleg rule as an indicator: its value comes from the meetings held.
        if let first, let rule = first.rule {
            try await IndicatorenStore(coalitionID: cid, on: db).add(IndicatorRecord(coalitionID: cid, IndicatorInput(
                name: "Wijkoverleg met Welzijn gehouden", area: "Samenwerking", source: .overleg, cadenceRuleID: first.id,
                unit: .percentage, direction: .hoger, norm: 100, rhythm: rule.rhythm)))
        }
        try await contacts(on: db, coalitionID: cid, partners: partners, today: today)
    }

    /// Three contact persons; the fixed contact of Noord moved from the welfare organisation
    /// to the youth team and is still Noord's contact; Zuid has none.
    static func contacts(on db: any Database, coalitionID cid: UUID, partners: [String: UUID], today: IsoDate) async throws {
        guard let welzijn = partners["Welzijn Rivierstad"], let jeugdteam = partners["Jeugdteam Rivierstad-Noord"],
              let gemeente = partners["Gemeente Rivierstad"], let sport = partners["Sportclub Rivierstad"] else { return }
        let store = ContactsStore(coalitionID: cid, on: db)
        let year = SchoolYear(containing: today)
        let started = IsoDate("\(year.start - 1)-09-01")!, moved = IsoDate("\(year.start)-09-01")!
        let fatima = try await store.add(ContactInput(name: "Fatima Bakker", email: "f.bakker@jeugdteam-rivierstad.example", phone: "06 12345678"),
                                         role: ContactRoleInput(organisation: welzijn, function: "Jongerenwerker", wijk: "Noord", from: started))
        if moved <= today {
            _ = try await store.move(fatima, from: 1, to: ContactRoleInput(organisation: jeugdteam, function: "Jeugdprofessional", wijk: "Noord", from: moved), now: Date())
        }
        try await store.add(ContactInput(name: "Ruud Visser", email: "r.visser@rivierstad.example", phone: "0123 456789"),
                            role: ContactRoleInput(organisation: gemeente, function: "Beleidsmedewerker onderwijs", from: started))
        try await store.add(ContactInput(name: "Peter Bakker", email: "partner@rivierstad.example"),
                            role: ContactRoleInput(organisation: sport, function: "Coördinator jeugd", from: started))
    }
}
