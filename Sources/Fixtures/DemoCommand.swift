import App
import Domain
import Fluent
import Vapor

/// `bouwstenen demo`: loads the fictional "Coalitie Rivierstad" with locations, partners
/// and one person in every role. Running it again changes nothing.
package struct DemoCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        package init() {}
        @Option(name: "plaats", help: "Another fictional town, for a second demo coalition (default Rivierstad)")
        package var place: String?
    }

    package init() {}

    package var help: String { "Loads the fictional demo coalition Coalitie Rivierstad (idempotent)." }

    package static let password = "Rivierstad-demo-2025"

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let place = signature.place ?? "Rivierstad"
        guard place.count <= 40, place.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw Abort(.badRequest, reason: "--plaats: alleen letters, hoogstens 40")
        }
        let people = try await Self.load(on: app.db, place: place, clock: app.clock, hash: { try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash($0) })
        context.console.print("Demo-coalitie: Coalitie \(place) (/c/\(Self.slug(place))/)")
        for person in people {
            context.console.print("  \(person.role.padding(toLength: 14, withPad: " ", startingAt: 0)) \(person.email)")
        }
        context.console.print("Wachtwoord voor alle demo-accounts: \(Self.password)")
    }

    package struct Person { let name: String; let email: String; let role: String }

    /// Creates what is missing and returns every demo person.
    package static func slug(_ place: String) -> String { "coalitie-" + place.lowercased() }

    /// `clock` dates what the demo holds (sessions, checks, closed cycles, timestamps); tests pass
    /// a fixed one so that their pages do not change with the day they run.
    package static func load(on db: any Database, place: String = "Rivierstad", clock: WallClock = .system,
                             hash: @Sendable (String) async throws -> String) async throws -> [Person] {
        let slug = slug(place)
        let domain = place.lowercased() + ".example"
        let coalition: CoalitionRecord
        if let existing = try await CoalitionRecord.query(on: db).filter(\.$slug == slug).first() {
            coalition = existing
        } else {
            coalition = CoalitionRecord(slug: slug, name: "Coalitie \(place)", period: Period(startYear: 2025, endYear: 2028))
            try await coalition.create(on: db)
        }
        let cid = (try coalition.requireID())
        var locations: [String: UUID] = [:]
        for (name, school) in [
            ("De Regenboog", "Openbare basisschool De Regenboog"),
            ("Het Anker", "Christelijke basisschool Het Anker"),
            ("De Vlinder", "Kindcentrum De Vlinder"),
        ] {
            if let existing = try await PlacesStore(coalitionID: cid, on: db).locations().first(where: { $0.name == name }) {
                locations[name] = (try existing.requireID())
            } else {
                let location = LocationRecord(coalitionID: cid, name: name, school: school)
                try await location.create(on: db)
                locations[name] = (try location.requireID())
            }
        }
        var partners: [String: UUID] = [:]
        // The partners of the activity book, and the other organisations of the network.
        for (name, kind, wijk) in [
            ("Sportclub Rivierstad", "sport", "Zuid"), ("Bibliotheek Rivierstad", "cultuur", ""),
            ("Muziekschool De Toonladder", "cultuur", ""), ("Welzijn Rivierstad", "welzijn", "Noord"),
            ("Gemeente Rivierstad", "gemeente", ""), ("Stichting Primair Onderwijs Rivierstad", "schoolbestuur", ""),
            ("Jeugdteam Rivierstad-Noord", "jeugdhulp", "Noord"), ("Lectoraat Brede Ontwikkeling, Hogeschool Rivierland", "onderzoek", ""),
        ] {
            if let existing = try await PlacesStore(coalitionID: cid, on: db).partners().first(where: { $0.name == name }) {
                partners[name] = (try existing.requireID())
            } else {
                let partner = PartnerRecord(coalitionID: cid, name: name, kind: kind, wijk: wijk)
                try await partner.create(on: db)
                partners[name] = (try partner.requireID())
            }
        }
        let cast: [(String, String, Role, [String], String?)] = [
            ("Sanne de Vries", "projectleider@\(domain)", .projectleider, [], nil),
            ("Mohamed El Amrani", "coordinator@\(domain)", .coordinator, ["De Regenboog", "Het Anker"], nil),
            ("Lotte Jansen", "coordinator.vlinder@\(domain)", .coordinator, ["De Vlinder"], nil),
            ("Peter Bakker", "partner@\(domain)", .partner, [], "Sportclub Rivierstad"),
            ("Fatima Yilmaz", "lezer@\(domain)", .lezer, [], nil),
        ]
        var people: [Person] = []
        for (name, email, role, locationNames, partnerName) in cast {
            let user: UserRecord
            if let existing = try await UserRecord.query(on: db).filter(\.$email == email).first() {
                user = existing
            } else {
                user = UserRecord(email: email, name: name, passwordHash: try await hash(password))
                try await user.create(on: db)
            }
            if try await CoalitionsStore(on: db).membership(of: user.requireID(), in: cid) == nil {
                let membership = MembershipRecord(coalitionID: cid, userID: (try user.requireID()), role: role, partnerID: partnerName.flatMap { partners[$0] })
                try await membership.create(on: db)
                for locationName in locationNames {
                    try await MembershipLocationRecord(coalitionID: cid, membershipID: (try membership.requireID()), locationID: locations[locationName]!).create(on: db)
                }
            }
            people.append(Person(name: name, email: email, role: Messages.roleLabel(role).lowercased()))
        }
        guard let leader = try await UserRecord.query(on: db).filter(\.$email == cast[0].1).first(),
              let leaderMembership = try await CoalitionsStore(on: db).membership(of: leader.requireID(), in: cid)
        else { throw Abort(.internalServerError, reason: "the demo's projectleider was not made") }
        try await DemoBouwbladen.load(on: db, coalitionID: cid, keeperID: leaderMembership.requireID(), userID: leader.requireID(), now: clock.now)
        try await DemoActiviteiten.load(on: db, coalitionID: cid, locations: locations, partners: partners, clock: clock)
        try await DemoVragenlijsten.load(on: db, coalitionID: cid, locations: locations, clock: clock)
        try await DemoIndicatoren.load(on: db, coalitionID: cid, locations: locations, enteredBy: leader.name, clock: clock)
        try await DemoOverleg.load(on: db, coalitionID: cid, partners: partners, clock: clock)
        return people
    }
}
