import App
import Domain
import Fluent
import Foundation

extension BenchData {
    /// Every row of one generated coalition, built in memory and then written in batches.
    struct Coalition {
        var coalition: CoalitionRecord
        var users: [UserRecord] = [], memberships: [MembershipRecord] = [], memberLocations: [MembershipLocationRecord] = []
        var locations: [LocationRecord] = [], partners: [PartnerRecord] = [], staff: [StaffRecord] = []
        var bouwbladen: [BouwbladRecord] = [], cycles: [CycleRecord] = [], revisions: [RevisionRecord] = []
        var doelen: [DoelRecord] = [], acties: [ActieRecord] = [], links: [LinkRecord] = []
        var activities: [ActivityRecord] = [], activityStaff: [ActivityStaffRecord] = [], sessions: [ActivitySessionRecord] = []
        var indicators: [IndicatorRecord] = [], indicatorValues: [IndicatorValueRecord] = []
        var meetings: [MeetingRecord] = [], rules: [CadenceRuleRecord] = [], agreements: [AgreementRecord] = []
        var contacts: [ContactRecord] = [], contactRoles: [ContactRoleRecord] = []

        init(n: Int, catalog: FormatCatalog, passwordHash: String, today: IsoDate, random r: inout SplitMix64) throws {
            let slug = BenchData.slug(n)
            let place = "Benchdorp \(n)"
            coalition = CoalitionRecord(id: r.uuid(), slug: slug, name: "Coalitie \(place)", period: Period(startYear: 2025, endYear: 2028))
            let cid = try coalition.requireID()
            for (i, school) in Words.schools.enumerated() {
                locations.append(LocationRecord(id: r.uuid(), coalitionID: cid, name: school, school: "Basisschool \(school)",
                                                address: "Schoolstraat \(i + 1), \(place)", yearGroups: "1,2,3,4,5,6,7,8"))
            }
            for (name, kind) in Words.partners {
                partners.append(PartnerRecord(id: r.uuid(), coalitionID: cid, name: "\(name) \(place)", kind: kind, contactName: r.pick(Words.names)))
            }
            for (p, partner) in partners.enumerated() {
                for k in 0..<2 {
                    let s = StaffRecord()
                    s.id = r.uuid(); s.coalitionID = cid; s.partnerID = try partner.requireID(); s.name = Words.names[(p * 2 + k) % Words.names.count]
                    s.role = "Begeleider"; s.vogDate = today.adding(days: -r.int(30...900)).iso; s.version = 1
                    staff.append(s)
                }
            }
            try addMembers(domain: "\(slug).example", passwordHash: passwordHash, random: &r)
            try addBouwbladen(catalog: catalog, today: today, random: &r)
            try addActivities(today: today, random: &r)
            try addIndicators(today: today, random: &r)
            try addNetwork(today: today, random: &r)
        }

        /// Three years of monthly wijkoverleg with the welfare organisation and quarterly
        /// netwerkoverleg with every partner (one agreement each), two cadence rules, and a
        /// contact person per partner.
        private mutating func addNetwork(today: IsoDate, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID()
            let ids = try partners.map { try $0.requireID() }
            let start = Month(year: today.year - 3, month: today.month)!
            for k in 0..<40 {
                let month = start.adding(months: k)
                let day = MeetingSeries.day(.eerste, .dinsdag, of: month)
                let status: MeetingStatus = day < today ? (r.int(1...10) == 1 ? .afgelast : .gehouden) : .gepland
                let wijk = MeetingRecord(coalitionID: cid, MeetingInput(kind: "Wijkoverleg", day: day, slot: TimeSlot("15:30-17:00"), place: "Buurthuis",
                                                                        status: status, invited: [ids[3]], present: status == .gehouden ? [ids[3]] : [],
                                                                        agenda: "1. Signalen uit de wijk\n2. Rondvraag", report: status == .gehouden ? Words.paragraph(&r) : ""))
                wijk.id = r.uuid()
                meetings.append(wijk)
                guard k % 3 == 0 else { continue }
                let network = MeetingRecord(coalitionID: cid, MeetingInput(kind: "Netwerkoverleg", day: day.adding(days: 2), slot: TimeSlot("19:30-21:00"),
                                                                           place: "Online", status: status, invited: ids, present: status == .gehouden ? ids : [],
                                                                           agenda: "1. Tussenstand\n2. Afspraken", report: status == .gehouden ? Words.paragraph(&r) : ""))
                network.id = r.uuid()
                meetings.append(network)
                let agreement = AgreementRecord(coalitionID: cid, meetingID: try network.requireID(),
                                                AgreementInput(text: r.pick(Words.actions), owner: r.pick(Words.names), organisation: r.pick(ids)))
                agreement.id = r.uuid()
                agreements.append(agreement)
            }
            for rule in [CadenceRule(minimum: 1, kind: "Wijkoverleg", organisations: [ids[3]], eachOrganisation: false, rhythm: .kwartaal),
                         CadenceRule(minimum: 1, kind: nil, organisations: Set(ids), eachOrganisation: true, rhythm: .halfjaar)].compactMap({ $0 }) {
                let record = CadenceRuleRecord(coalitionID: cid, rule)
                record.id = r.uuid()
                rules.append(record)
            }
            for (p, partner) in ids.enumerated() {
                let contact = ContactRecord(coalitionID: cid, ContactInput(name: Words.names[(p * 3) % Words.names.count], email: "contact\(p)@\(BenchData.slug(0)).example"))
                contact.id = r.uuid()
                contacts.append(contact)
                let role = ContactRoleRecord(coalitionID: cid, contactID: try contact.requireID(),
                                             ContactRoleInput(organisation: partner, function: "Coördinator", wijk: p == 3 ? "Centrum" : "", from: today.adding(days: -400)))
                role.id = r.uuid()
                contactRoles.append(role)
            }
        }

        /// One indicator of every computed source but the questionnaire, and two typed by hand
        /// (one per location) with three school years of values.
        private mutating func addIndicators(today: IsoDate, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID()
            let computed: [(String, IndicatorSource, Double, Rhythm)] = [
                ("Locaties met elk domein", .dekking, 100, .schooljaar), ("Activiteiten die lopen", .activiteiten, 20, .halfjaar),
                ("Sessies die doorgingen", .sessies, 90, .kwartaal), ("Leerlingen bereikt", .bereik, 300, .schooljaar),
                ("Betrokkenheid 4 of hoger", .betrokkenheid, 40, .maand), ("Welbevinden 4 of hoger", .welbevinden, 40, .maand),
                ("Incidenten binnen een week afgehandeld", .incidenten, 100, .kwartaal),
            ]
            for (name, source, norm, rhythm) in computed {
                let record = IndicatorRecord(coalitionID: cid, IndicatorInput(name: name, area: ResultArea.defaults[indicators.count % 5], source: source,
                                                                               unit: source.fixedUnit ?? .aantal, direction: .hoger, norm: norm, rhythm: rhythm))
                record.id = r.uuid()
                indicators.append(record)
            }
            for (name, perLocation) in [("Partners die willen doorgaan", false), ("Uitstroom naar verwachting", true)] {
                let record = IndicatorRecord(coalitionID: cid, IndicatorInput(name: name, area: "Vervolgsucces", source: .hand, unit: .percentage,
                                                                               direction: .hoger, norm: 85, signal: 90, rhythm: .schooljaar, perLocation: perLocation))
                record.id = r.uuid()
                indicators.append(record)
                let places = perLocation ? try locations.map { try $0.requireID().uuidString } : [""]
                for period in IndicatorPeriod.recent(4, .schooljaar, upTo: today).dropLast() {
                    for place in places {
                        let value = IndicatorValueRecord(coalitionID: cid, indicatorID: try record.requireID(), period: period.key, place: place,
                                                         value: Double(r.int(78...98)), by: users[0].name, at: WallClock.system.now)
                        value.id = r.uuid()
                        indicatorValues.append(value)
                    }
                }
            }
        }

        private mutating func addMembers(domain: String, passwordHash: String, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID()
            let cast: [(String, Role)] = [("projectleider", .projectleider)] + (1...3).map { ("coordinator\($0 == 1 ? "" : "\($0)")", .coordinator) }
                + (1...3).map { ("partner\($0 == 1 ? "" : "\($0)")", .partner) } + (1...3).map { ("lezer\($0 == 1 ? "" : "\($0)")", .lezer) }
            for (i, (local, role)) in cast.enumerated() {
                let user = UserRecord(id: r.uuid(), email: "\(local)@\(domain)", name: Words.names[i % Words.names.count], passwordHash: passwordHash)
                let partnerID = role == .partner ? partners[i % partners.count].id : nil
                let membership = MembershipRecord(id: r.uuid(), coalitionID: cid, userID: try user.requireID(), role: role, partnerID: partnerID)
                users.append(user)
                memberships.append(membership)
                if role == .coordinator {
                    memberLocations.append(MembershipLocationRecord(coalitionID: cid, membershipID: try membership.requireID(), locationID: try locations[i % locations.count].requireID()))
                }
            }
        }

        private mutating func addBouwbladen(catalog: FormatCatalog, today: IsoDate, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID(), leader = try users[0].requireID(), keeper = try memberships[0].requireID()
            let plan = catalog.bouwstenen.map { ($0, $0.questions.first { $0.mandatory }) }
                + (0..<3).map { _ in (r.pick(catalog.bouwstenen), nil as FormatCatalog.Question?) }
            let firstMonth = Month(year: today.year - 1, month: 9)!
            for (b, (bouwsteen, question)) in plan.enumerated() {
                let blad = BouwbladRecord()
                blad.id = r.uuid(); blad.coalitionID = cid; blad.bouwsteenID = bouwsteen.id; blad.questionID = question?.id
                blad.ownQuestion = question == nil ? "Eigen vraag \(b + 1): \(r.pick(Words.questions))" : nil
                blad.title = r.pick(Words.titles); blad.keeperID = keeper; blad.readyForReport = b % 3 == 0
                blad.version = 1; blad.createdBy = leader; blad.updatedBy = leader
                bouwbladen.append(blad)
                var startvraag = question?.text ?? blad.ownQuestion!
                for number in 1...3 {
                    let from = firstMonth.adding(months: (number - 1) * 5)
                    let cycle = CycleRecord(coalitionID: cid, bouwbladID: try blad.requireID(), number: number, startvraag: startvraag,
                                            period: CyclePeriod(from: from, to: from.adding(months: 4)))
                    cycle.id = r.uuid()
                    cycle.doelen = Words.paragraph(&r)
                    cycle.bereikt = number < 3 ? Words.paragraph(&r) : ""
                    cycle.bijgesteld = number < 3 ? r.pick(Words.questions) : ""
                    if number < 3 { cycle.closedAt = WallClock.system.now.addingTimeInterval(Double(number - 3) * 150 * 86_400) }
                    startvraag = cycle.bijgesteld
                    cycles.append(cycle)
                    revisions.append(RevisionRecord(coalitionID: cid, bouwbladID: try blad.requireID(), cycleID: cycle.id, field: "doelen",
                                                    before: "", after: cycle.doelen, userID: leader, createdAt: WallClock.system.now))
                    revisions[revisions.count - 1].id = r.uuid()
                    try addGoalsAndActions(bouwblad: try blad.requireID(), cycle: try cycle.requireID(), open: number == 3, random: &r)
                }
                if b > 0, b % 4 == 0 {
                    links.append(LinkRecord(coalitionID: cid, bouwbladID: try blad.requireID(), cycleID: nil, targetBouwsteenID: bouwbladen[b - 1].bouwsteenID,
                                            targetBouwbladID: bouwbladen[b - 1].id, note: "Hangt samen met het vorige bouwblad.", createdBy: leader))
                    links[links.count - 1].id = r.uuid()
                }
            }
        }

        private mutating func addGoalsAndActions(bouwblad: UUID, cycle: UUID, open: Bool, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID()
            for _ in 0..<2 {
                let doel = DoelRecord()
                doel.id = r.uuid(); doel.coalitionID = cid; doel.bouwbladID = bouwblad; doel.cycleID = cycle
                doel.text = r.pick(Words.goals); doel.measure = ""; doel.target = String(r.int(5...40)); doel.unit = TargetUnit.aantal.rawValue
                doel.owner = r.pick(Words.names); doel.achieved = open ? "" : String(r.int(0...40)); doel.version = 1
                doelen.append(doel)
                let actie = ActieRecord()
                actie.id = r.uuid(); actie.coalitionID = cid; actie.bouwbladID = bouwblad; actie.cycleID = cycle
                actie.text = r.pick(Words.actions); actie.ownerName = r.pick(Words.names)
                actie.status = open ? r.pick([.gepland, .bezig]) : r.pick([.klaar, .vervallen]); actie.version = 1
                acties.append(actie)
            }
        }

        private mutating func addActivities(today: IsoDate, random r: inout SplitMix64) throws {
            let cid = try coalition.requireID()
            // 20 weekly sessions: 14 in the past, 6 still to come.
            let firstMonday = today.adding(days: -98 - (today.weekday.rawValue - 1))
            for i in 0..<30 {
                let a = ActivityRecord()
                let day = Weekday(rawValue: 1 + i % 5)!
                let start = firstMonday.adding(days: day.rawValue - 1)
                a.id = r.uuid(); a.coalitionID = cid; a.name = "\(r.pick(Words.activities)) \(i + 1)"
                a.domain = ActivityDomains.defaults[i % 4]; a.locationID = try locations[i % locations.count].requireID()
                let partner = i % 5 == 4 ? nil : partners[i % partners.count]
                a.partnerID = partner?.id; a.weekdays = String(day.rawValue); a.startTime = "15:00"; a.endTime = "16:00"
                a.startsOn = start.iso; a.endsOn = start.adding(days: 7 * 19).iso
                a.yearGroups = "5,6,7,8"; a.maxGroupSize = 16; a.goals = Words.paragraph(&r)
                a.inSchool = i % 3 != 0; a.vierOgen = true; a.contactBeforeAfter = true; a.schoolPresent = "De leerkracht van de groep"
                a.status = .loopt; a.checkAnswers = VoorafCheck.Answers(yes: Set(VoorafCheck.questions.map(\.key)), no: []).stored
                a.checkEvaluation = "Nabespreking na elke sessie."; a.checkAt = WallClock.system.now; a.checkByName = users[0].name; a.version = 1
                activities.append(a)
                if let partner, let person = staff.first(where: { $0.partnerID == partner.id }) {
                    activityStaff.append(ActivityStaffRecord(coalitionID: cid, activityID: try a.requireID(), staffID: try person.requireID()))
                    activityStaff[activityStaff.count - 1].id = r.uuid()
                }
                for week in 0..<20 {
                    let date = start.adding(days: 7 * week)
                    let s = ActivitySessionRecord(coalitionID: cid, activityID: try a.requireID(), date: date)
                    s.id = r.uuid()
                    if date < today {
                        if r.int(0...19) == 0 {
                            s.cancelled = true
                        } else {
                            s.pupils = r.int(6...16); s.wentWell = r.pick(DemoActiviteiten.wentWell); s.improve = r.pick(DemoActiviteiten.improve)
                            s.recordedByName = users[1].name
                            if week % 2 == 0 {
                                s.betrokkenheid = Observation.group(score: Double(r.int(4...9)) / 2).stored
                                s.welbevinden = Observation.group(score: Double(r.int(4...9)) / 2).stored
                            }
                        }
                    }
                    sessions.append(s)
                }
            }
        }

        func insert(on db: any Database) async throws {
            try await coalition.create(on: db)
            try await batches(users, db); try await batches(locations, db); try await batches(partners, db)
            try await batches(memberships, db); try await batches(memberLocations, db); try await batches(staff, db)
            try await batches(bouwbladen, db); try await batches(cycles, db); try await batches(revisions, db)
            try await batches(doelen, db); try await batches(acties, db); try await batches(links, db)
            try await batches(activities, db); try await batches(activityStaff, db); try await batches(sessions, db)
            try await batches(indicators, db); try await batches(indicatorValues, db)
            try await batches(meetings, db); try await batches(rules, db); try await batches(agreements, db)
            try await batches(contacts, db); try await batches(contactRoles, db)
        }

        /// Multi-row inserts of at most 200 rows: well under SQLite's limit on bound values.
        private func batches<M: Model>(_ rows: [M], _ db: any Database) async throws {
            var start = 0
            while start < rows.count {
                let end = min(start + 200, rows.count)
                try await Array(rows[start..<end]).create(on: db)
                start = end
            }
        }
    }

    /// Words to build realistic Dutch text from.
    enum Words {
        static let schools = ["De Linde", "Het Palet", "De Zonnewijzer"]
        static let partners = [("Sportvereniging", "sport"), ("Bibliotheek", "cultuur"), ("Muziekschool", "cultuur"), ("Welzijnswerk", "welzijn")]
        static let names = ["Anna de Boer", "Youssef Amrani", "Eva Visser", "Daan Mulder", "Noor Bakker", "Sem de Graaf",
                            "Lina Öztürk", "Bram Smit", "Iris Hendriks", "Milan Jansen"]
        static let titles = ["Samen sterker in de wijk", "Meer bewegen na school", "Taal in alle lessen", "Ouders betrekken",
                             "Eén lijn tussen school en opvang", "Doorgaande lijn", ""]
        static let questions = ["Hoe bereiken we meer kinderen die nu niet meedoen?", "Wat vinden leerlingen zelf van het aanbod?",
                                "Hoe houden we partners betrokken als de subsidie stopt?", "Hoe meten we wat een activiteit oplevert?"]
        static let goals = ["Meer leerlingen doen mee aan een activiteit", "Elke locatie heeft een vast aanbod", "Ouders weten wat er is",
                            "Partners zijn tevreden over de samenwerking"]
        static let actions = ["Gesprek met de schoolleiders plannen", "Nieuwsbrief voor ouders maken", "Evaluatie met partners houden",
                              "Rooster voor het volgende half jaar maken"]
        static let activities = ["Voetbal", "Voorleesclub", "Huiswerkclub", "Techniek", "Dans", "Theater", "Natuurclub", "Schaken"]
        static let sentences = ["We zien dat meer kinderen meedoen dan vorig jaar.", "De samenwerking met de partners loopt goed.",
                                "Op één locatie is het aanbod nog klein.", "Leerlingen vertellen dat ze het leuk vinden.",
                                "De leerkrachten merken verschil in de klas.", "We willen dit jaar ook ouders vragen wat zij zien."]

        static func paragraph(_ r: inout SplitMix64) -> String {
            (0..<r.int(2...5)).map { _ in r.pick(sentences) }.joined(separator: " ")
        }
    }
}
