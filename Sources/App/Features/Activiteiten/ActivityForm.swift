import Domain
import Fluent
import Vapor

/// The add/change form of an activity: its choices come from the coalition (locations,
/// partners and their staff, domains, doelen), and every chosen id is checked to belong to it.
struct ActivityForm {
    let locations: [LocationRecord]
    let partners: [PartnerRecord]
    let staff: [StaffRecord]
    let doelen: [(UUID, String)]

    static func load(_ req: Request, _ access: ActivityAccess) async throws -> ActivityForm {
        let places = access.places(req.db)
        let locations = try await places.locations()
        let partners = try await places.partners()
        let staff = try await places.staff()
        // Doelen of bouwbladen in the prullenbak are not offered.
        let doelen = try await access.book(req.db).doelen()
        return ActivityForm(locations: locations, partners: partners, staff: staff,
                            doelen: doelen.map { ($0.id!, String($0.text.split(separator: "\n").first ?? "").prefix(100).description) })
    }

    /// The values of an existing activity, as the form shows them.
    static func values(of a: ActivityRecord) -> [String: String] {
        [
            "name": a.name, "domain": a.domain, "location": a.locationID.uuidString, "partner": a.partnerID?.uuidString ?? "",
            "start": a.startTime ?? "", "end": a.endTime ?? "", "from": a.startsOn, "to": a.endsOn,
            "yearGroups": a.groups?.label.replacingOccurrences(of: "groep ", with: "") ?? "",
            "maxGroupSize": a.maxGroupSize.map(String.init) ?? "", "goals": a.goals, "doel": a.doelID?.uuidString ?? "",
            "inSchool": a.inSchool ? "ja" : "nee", "vierOgen": a.vierOgen ? "ja" : "nee", "contact": a.contactBeforeAfter ? "ja" : "nee",
            "schoolPresent": a.schoolPresent,
        ]
    }

    /// A new activity starts today and runs to the end of the school year.
    static func defaults(today: IsoDate) -> [String: String] {
        ["from": today.iso, "to": DateRange.schoolYear(containing: today).to.iso, "inSchool": "ja", "vierOgen": "ja", "contact": "ja"]
    }

    struct Valid {
        let input: ActivityInput
        let locationID: UUID
        let partnerID: UUID?
        let doelID: UUID?
        let staffIDs: [UUID]
    }

    /// Checks the typed values and that every id belongs to this coalition (and, for a
    /// coordinator, that the location is theirs).
    func validate(_ form: SubmittedForm, _ access: ActivityAccess, into errors: inout FieldErrors) -> Valid? {
        let input = ActivityInput.validate(form.values, weekdays: form.lists["weekdays"] ?? [], domains: access.settings.domains, into: &errors)
        let locationID = UUID(uuidString: form.values["location"] ?? "").flatMap { id in locations.contains { $0.id == id } ? id : nil }
        if errors["location"] == nil, locationID == nil || !access.mayUse(location: locationID!) { errors.add("location", .unknownChoice) }
        let partnerText = (form.values["partner"] ?? "").trimmingWhitespace()
        let partnerID = UUID(uuidString: partnerText).flatMap { id in partners.contains { $0.id == id } ? id : nil }
        if !partnerText.isEmpty, partnerID == nil { errors.add("partner", .unknownChoice) }
        let doelText = (form.values["doel"] ?? "").trimmingWhitespace()
        let doelID = UUID(uuidString: doelText).flatMap { id in doelen.contains { $0.0 == id } ? id : nil }
        if !doelText.isEmpty, doelID == nil { errors.add("doel", .unknownChoice) }
        var staffIDs: [UUID] = []
        for raw in form.lists["staff"] ?? [] {
            // Only staff of the chosen partner can work in the activity.
            guard let id = UUID(uuidString: raw), let person = staff.first(where: { $0.id == id }), person.partnerID == partnerID else {
                errors.add("staff", .staffNotOfPartner); break
            }
            if !staffIDs.contains(id) { staffIDs.append(id) }
        }
        guard let input, let locationID, errors.isEmpty else { return nil }
        return Valid(input: input, locationID: locationID, partnerID: partnerID, doelID: doelID, staffIDs: staffIDs)
    }

    func items(_ form: inout FormState, _ access: ActivityAccess, chosenDays: Set<String>, chosenStaff: Set<String>) -> [FormPage.Item] {
        let yesNo: [(value: String, label: String, hint: String?)] = [("ja", "Ja", nil), ("nee", "Nee", nil)]
        let usable = locations.filter { access.mayUse(location: $0.id!) }
        var items: [FormPage.Item] = [
            .init(field: form.field("name", "Naam van de activiteit", noun: "de naam van de activiteit", autocomplete: "off")),
            .init(select: form.select("domain", "Domein", noun: "het domein", empty: "Kies…", options: access.settings.domains.map { ($0, $0) })),
            .init(select: form.select("location", "Locatie", noun: "de locatie", empty: "Kies…", options: usable.map { ($0.id!.uuidString, $0.name) })),
            .init(select: form.select("partner", "Aanbieder", noun: "de aanbieder", empty: "Geen partner: de school doet het zelf",
                                      options: partners.map { ($0.id!.uuidString, $0.name) })),
        ]
        if !staff.isEmpty {
            let partnerNames = Dictionary(uniqueKeysWithValues: partners.map { ($0.id!, $0.name) })
            items.append(.init(checks: form.checks("staff", "Begeleiders van de partner", noun: "de begeleiders",
                                                   hint: "Alleen medewerkers van de gekozen aanbieder.",
                                                   options: staff.map { ($0.id!.uuidString, "\($0.name) (\(partnerNames[$0.partnerID] ?? ""))") }, chosen: chosenStaff)))
        }
        items += [
            .init(heading: "Wanneer"),
            .init(checks: form.checks("weekdays", "Dagen", noun: "de dagen", options: Weekday.allCases.map { (String($0.rawValue), $0.name) }, chosen: chosenDays)),
            .init(field: form.field("start", "Begintijd", noun: "de begintijd", type: "time", hint: "Bijvoorbeeld 15:00", required: false)),
            .init(field: form.field("end", "Eindtijd", noun: "de eindtijd", type: "time", hint: "Bijvoorbeeld 16:00", required: false)),
            .init(field: form.field("from", "Van", noun: "de eerste dag", type: "date")),
            .init(field: form.field("to", "Tot en met", noun: "de laatste dag", type: "date")),
            .init(heading: "Voor wie en waarvoor"),
            .init(field: form.field("yearGroups", "Groepen", noun: "de groepen", hint: "Bijvoorbeeld 5-8, of 3, 4 en 5", required: false)),
            .init(field: form.field("maxGroupSize", "Hoogstens zoveel leerlingen", noun: "het aantal leerlingen", type: "number", required: false)),
            .init(field: form.field("goals", "Doelen van de activiteit", noun: "de doelen", type: "textarea", hint: "Wat willen jullie dat de leerlingen eraan hebben?", required: false)),
        ]
        if !doelen.isEmpty {
            items.append(.init(select: form.select("doel", "Hoort bij dit doel van een bouwblad", noun: "het doel", empty: "Geen", options: doelen.map { ($0.0.uuidString, $0.1) })))
        }
        items += [
            .init(heading: "Afspraken over veiligheid"),
            .init(radios: form.choice("inSchool", "Is de activiteit in het schoolgebouw?", noun: "of de activiteit in de school is", options: yesNo)),
            .init(radios: form.choice("vierOgen", "Geldt het vier-ogenprincipe? (nooit één volwassene alleen met kinderen)", noun: "het vier-ogenprincipe", options: yesNo)),
            .init(radios: form.choice("contact", "Is er contact met de school voor en na de activiteit?", noun: "het contact voor en na", options: yesNo)),
            .init(field: form.field("schoolPresent", "Wie is er van school aanwezig?", noun: "wie er van school is", hint: "Bijvoorbeeld: de leerkracht van groep 6, of de conciërge", required: false)),
        ]
        return items
    }
}
