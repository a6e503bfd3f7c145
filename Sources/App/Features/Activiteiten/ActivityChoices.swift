import Domain
import Fluent
import Vapor

/// The add/change form of an activity: its choices come from the coalition (locations,
/// partners and their staff, domains, doelen), and every chosen id is checked to belong to it.
struct ActivityChoices {
    let locations: [LocationRecord]
    let partners: [PartnerRecord]
    let staff: [StaffRecord]
    let doelen: [(UUID, String)]

    static func load(_ req: Request, _ access: ActivityAccess) async throws -> ActivityChoices {
        let places = access.places(req.db)
        let locations = try await places.locations()
        let partners = try await places.partners()
        let staff = try await places.staff()
        // Doelen of bouwbladen in the prullenbak are not offered.
        let doelen = try await access.book(req.db).doelen()
        return ActivityChoices(locations: locations, partners: partners, staff: staff,
                            doelen: doelen.map { ($0.id, String($0.text.split(separator: "\n").first ?? "").prefix(100).description) })
    }

    /// An existing activity as the form shows it; `staff` are its staff members.
    static func form(of a: ActivityRecord, staff: [UUID]) -> ActivityForm {
        var form = ActivityForm()
        (form.name, form.domain, form.location, form.partner) = (a.name, a.domain, a.locationID.uuidString, a.partnerID?.uuidString ?? "")
        (form.start, form.end, form.from, form.to) = (a.startTime ?? "", a.endTime ?? "", a.startsOn, a.endsOn)
        form.yearGroups = a.groups?.label.replacingOccurrences(of: "groep ", with: "") ?? ""
        (form.maxGroupSize, form.goals, form.doel) = (a.maxGroupSize.map(String.init) ?? "", a.goals, a.doelID?.uuidString ?? "")
        (form.inSchool, form.vierOgen, form.contact) = (a.inSchool ? "ja" : "nee", a.vierOgen ? "ja" : "nee", a.contactBeforeAfter ? "ja" : "nee")
        form.schoolPresent = a.schoolPresent
        form.weekdays = a.days.map { String($0.rawValue) }
        form.staff = staff.map(\.uuidString)
        return form
    }

    /// A new activity starts today and runs to the end of the school year.
    static func defaults(today: IsoDate) -> ActivityForm {
        var form = ActivityForm()
        (form.from, form.to) = (today.iso, DateRange.schoolYear(containing: today).to.iso)
        (form.inSchool, form.vierOgen, form.contact) = ("ja", "ja", "ja")
        return form
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
    func validate(_ form: ActivityForm, _ access: ActivityAccess, into errors: inout FieldErrors) -> Valid? {
        typealias F = ActivityForm.CodingKeys
        let input = ActivityInput.validate(form, domains: access.settings.domains, into: &errors)
        let locationID = UUID(uuidString: form.location ?? "").flatMap { id in locations.contains { $0.id == id } ? id : nil }
        if errors[F.location] == nil, locationID.map({ !access.mayUse(location: $0) }) ?? true { errors.add(F.location, .unknownChoice) }
        let partnerText = (form.partner ?? "").trimmingWhitespace()
        let partnerID = UUID(uuidString: partnerText).flatMap { id in partners.contains { $0.id == id } ? id : nil }
        if !partnerText.isEmpty, partnerID == nil { errors.add(F.partner, .unknownChoice) }
        let doelText = (form.doel ?? "").trimmingWhitespace()
        let doelID = UUID(uuidString: doelText).flatMap { id in doelen.contains { $0.0 == id } ? id : nil }
        if !doelText.isEmpty, doelID == nil { errors.add(F.doel, .unknownChoice) }
        var staffIDs: [UUID] = []
        for raw in form.staff ?? [] {
            // Only staff of the chosen partner can work in the activity.
            guard let id = UUID(uuidString: raw), let person = staff.first(where: { $0.id == id }), person.partnerID == partnerID else {
                errors.add(F.staff, .staffNotOfPartner); break
            }
            if !staffIDs.contains(id) { staffIDs.append(id) }
        }
        guard let input, let locationID, errors.isEmpty else { return nil }
        return Valid(input: input, locationID: locationID, partnerID: partnerID, doelID: doelID, staffIDs: staffIDs)
    }

    func items(_ form: inout FormState, _ access: ActivityAccess, chosenDays: Set<String>, chosenStaff: Set<String>) throws -> [FormPage.Item] {
        typealias F = ActivityForm.CodingKeys
        let yesNo: [(value: String, label: String, hint: String?)] = [("ja", "Ja", nil), ("nee", "Nee", nil)]
        let usable = try locations.filter { access.mayUse(location: (try $0.requireID())) }
        var items: [FormPage.Item] = [
            .init(field: form.field(F.name, "Naam van de activiteit", noun: "de naam van de activiteit", autocomplete: "off")),
            .init(select: form.select(F.domain, "Domein", noun: "een domein", empty: "Kies…", options: access.settings.domains.map { ($0, $0) })),
            .init(select: form.select(F.location, "Locatie", noun: "een locatie", empty: "Kies…", options: try usable.map { (try $0.requireID().uuidString, $0.name) })),
            .init(select: form.select(F.partner, "Partner", noun: "een partner", empty: "Geen partner: de school doet het zelf",
                                      options: try partners.map { (try $0.requireID().uuidString, $0.name) })),
        ]
        if !staff.isEmpty {
            let partnerNames = Dictionary(uniqueKeysWithValues: try partners.map { (try $0.requireID(), $0.name) })
            items.append(.init(checks: form.checks(F.staff, "Begeleiders van de partner", noun: "de begeleiders",
                                                   hint: "Alleen medewerkers van de gekozen partner.",
                                                   options: try staff.map { (try $0.requireID().uuidString, "\($0.name) (\(partnerNames[$0.partnerID] ?? ""))") }, chosen: chosenStaff)))
        }
        items += [
            .init(heading: "Wanneer"),
            .init(checks: form.checks(F.weekdays, "Dagen", noun: "de dagen", options: Weekday.allCases.map { (String($0.rawValue), $0.name) }, chosen: chosenDays)),
            .init(field: form.field(F.start, "Begintijd", noun: "de begintijd", type: "time", hint: "Bijvoorbeeld 15:00", required: false)),
            .init(field: form.field(F.end, "Eindtijd", noun: "de eindtijd", type: "time", hint: "Bijvoorbeeld 16:00", required: false)),
            .init(field: form.field(F.from, "Van", noun: "de eerste dag", type: "date")),
            .init(field: form.field(F.to, "Tot en met", noun: "de laatste dag", type: "date")),
            .init(heading: "Voor wie en waarvoor"),
            .init(field: form.field(F.yearGroups, "Groepen", noun: "de groepen", hint: "Bijvoorbeeld 5-8, of 3, 4 en 5", required: false)),
            .init(field: form.field(F.maxGroupSize, "Hoogstens zoveel leerlingen", noun: "het aantal leerlingen", type: "number", required: false)),
            .init(field: form.field(F.goals, "Doelen van de activiteit", noun: "de doelen", type: "textarea", hint: "Wat willen jullie dat de leerlingen eraan hebben?", required: false)),
        ]
        if !doelen.isEmpty {
            items.append(.init(select: form.select(F.doel, "Hoort bij dit doel van een bouwblad", noun: "een doel", empty: "Geen", options: doelen.map { ($0.0.uuidString, $0.1) })))
        }
        items += [
            .init(heading: "Afspraken over veiligheid"),
            .init(radios: form.choice(F.inSchool, "Is de activiteit in het schoolgebouw?", noun: "of de activiteit in de school is", options: yesNo)),
            .init(radios: form.choice(F.vierOgen, "Geldt het vier-ogenprincipe? (nooit één volwassene alleen met kinderen)", noun: "of het vier-ogenprincipe geldt", options: yesNo)),
            .init(radios: form.choice(F.contact, "Is er contact met de school voor en na de activiteit?", noun: "of er contact is voor en na", options: yesNo)),
            .init(field: form.field(F.schoolPresent, "Wie is er van school aanwezig?", noun: "wie er van school is", hint: "Bijvoorbeeld: de leerkracht van groep 6, of de conciërge", required: false)),
        ]
        return items
    }
}
