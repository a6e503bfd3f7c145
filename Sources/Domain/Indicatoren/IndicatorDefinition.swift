import Foundation

/// What an indicator is: its source, unit, norm and rhythm. Computing a period's value is a
/// pure function of this and `IndicatorData`.
public struct IndicatorDefinition: Sendable {
    public let id: String
    public let source: IndicatorSource
    public let unit: IndicatorUnit
    public let norm: Norm
    public let rhythm: Rhythm
    /// For `.vragenlijst`: which questionnaire, which question, which number.
    public let questionnaireID: String?
    public let questionID: String?
    public let measure: QuestionnaireMeasure?
    /// For `.hand`: a value per location (added up or averaged), or one for the coalition.
    public let perLocation: Bool
    /// For `.overleg`: which cadence rule.
    public let cadenceRuleID: String?

    public init(id: String, source: IndicatorSource, unit: IndicatorUnit, norm: Norm, rhythm: Rhythm,
                questionnaireID: String? = nil, questionID: String? = nil, measure: QuestionnaireMeasure? = nil, perLocation: Bool = false,
                cadenceRuleID: String? = nil) {
        (self.id, self.source, self.unit, self.norm, self.rhythm) = (id, source, unit, norm, rhythm)
        self.cadenceRuleID = cadenceRuleID
        (self.questionnaireID, self.questionID, self.measure, self.perLocation) = (questionnaireID, questionID, measure, perLocation)
    }

    /// One period's value and how it came about. A period that has not begun has none;
    /// empty data is "nog geen meting", never a division by zero.
    public func measure(_ period: IndicatorPeriod, in data: IndicatorData, today: IsoDate) -> Measurement {
        guard period.firstDay <= today else { return Measurement(value: nil, explanation: "Deze periode is nog niet begonnen.") }
        let until = min(period.lastDay, today), days = period.days
        let activities = data.activities.filter { $0.status != .concept && $0.period.overlaps(days) }
        let activityIDs = Set(activities.map(\.id))
        let sessions = data.sessions.filter { $0.date >= days.from && $0.date <= until && activityIDs.contains($0.activityID) }
        switch source {
        case .dekking:
            let coverage = Coverage(locations: data.locations, domains: data.domains, activities: activities.map {
                Coverage.Activity(locationID: $0.locationID, domain: $0.domain, period: $0.period, pupilsReached: 0)
            }, period: period.days, minimum: data.minimumPerCell)
            let complete = coverage.cells.filter { !$0.contains(where: \.belowRule) }.count
            let rule = data.minimumPerCell == 1 ? "1 activiteit" : "\(data.minimumPerCell) activiteiten"
            return .share(complete, of: data.locations.count, "locaties hebben in elk domein minstens \(rule)", none: "Er zijn nog geen locaties.")
        case .activiteiten:
            return Measurement(value: Double(activities.count), explanation: activities.count == 1 ? "1 activiteit loopt in deze periode." : "\(activities.count) activiteiten lopen in deze periode.")
        case .sessies:
            let held = sessions.filter { !$0.cancelled }.count
            return .share(held, of: sessions.count, "geplande sessies tot nu gingen door", none: "Er waren nog geen sessies gepland.")
        case .bereik:
            var most: [String: Int] = [:]
            for s in sessions where !s.cancelled { if let n = s.pupils { most[s.activityID] = max(most[s.activityID] ?? 0, n) } }
            guard !most.isEmpty else { return Measurement(value: nil, explanation: "Nog geen sessies met een aantal leerlingen.") }
            let total = most.values.reduce(0, +)
            return Measurement(value: Double(total), explanation: "Opgeteld per activiteit het grootste aantal leerlingen bij één sessie: \(total) bij \(most.count) \(most.count == 1 ? "activiteit" : "activiteiten").")
        case .betrokkenheid, .welbevinden:
            let scores = sessions.filter { !$0.cancelled }.compactMap { source == .betrokkenheid ? $0.betrokkenheid : $0.welbevinden }
            return .share(scores.filter { $0 >= 4 }.count, of: scores.count, "geobserveerde sessies scoorden gemiddeld 4 of hoger",
                          none: "Nog geen observaties van \(source == .betrokkenheid ? "betrokkenheid" : "welbevinden").")
        case .incidenten:
            // An incident still within its week and not handled is not decided yet.
            let decided = sessions.filter { $0.incident && ($0.handledOn != nil || $0.date.adding(days: 7) < today) }
            let inTime = decided.filter { h in h.handledOn.map { $0 <= h.date.adding(days: 7) } ?? false }.count
            return .share(inTime, of: decided.count, "incidenten zijn binnen 7 dagen afgehandeld", none: "Geen incidenten in deze periode.")
        case .vragenlijst:
            return questionnaireMeasurement(period, data, until: until)
        case .overleg:
            return cadenceMeasurement(period, data, today: today)
        case .hand:
            return handMeasurement(period, data)
        }
    }

    /// The share of the rule's parts met in the period (every organisation, or the one
    /// count). A running period counts what was held so far.
    func cadenceMeasurement(_ period: IndicatorPeriod, _ data: IndicatorData, today: IsoDate) -> Measurement {
        guard let rule = cadenceRuleID.flatMap({ data.cadenceRules[$0] }) else {
            return Measurement(value: nil, explanation: "De afspraak over overleg bestaat niet meer.")
        }
        let check = rule.check(period, meetings: data.meetings, today: today)
        let met = check.parts.filter { $0.status == .gehaald }.count
        let times = rule.minimum == 1 ? "1 keer" : "\(rule.minimum) keer"
        let words = rule.eachOrganisation
            ? "\(met) van de \(check.parts.count) organisaties hadden minstens \(times) overleg."
            : "\(check.parts.first?.held ?? 0) keer overleg gehouden, minstens \(times) afgesproken: \(check.status.label.lowercased())."
        return Measurement(value: check.shareMet, explanation: words)
    }

    func questionnaireMeasurement(_ period: IndicatorPeriod, _ data: IndicatorData, until: IsoDate) -> Measurement {
        guard let questionnaireID, let source = data.questionnaires[questionnaireID],
              let question = source.questions.first(where: { $0.id == questionID }), question.kind.isScale
        else { return Measurement(value: nil, explanation: "De vraag van deze vragenlijst bestaat niet meer.") }
        let from = period.firstDay
        let answers = source.responses.filter { $0.day >= from && $0.day <= until }.map(\.answers)
        let result = QuestionResult(question, answers: answers)
        guard result.answered >= Anonymity.minimum else {
            return Measurement(value: nil, explanation: "Minder dan \(Anonymity.minimum) antwoorden in deze periode: de uitkomst blijft verborgen.")
        }
        if measure == .mean, let mean = result.mean {
            return Measurement(value: mean, explanation: "Gemiddeld \(IndicatorUnit.decimal(mean, places: 1)) op een schaal van 1 tot \(question.options.count), \(result.answered) antwoorden.")
        }
        guard let top = result.topShare else { return Measurement(value: nil, explanation: "Nog geen antwoorden.") }
        return Measurement(value: top * 100, explanation: "\(IndicatorUnit.decimal(top * 100, places: 0)) % van \(result.answered) antwoorden: \(result.topLabel ?? "hoogste punten").")
    }

    func handMeasurement(_ period: IndicatorPeriod, _ data: IndicatorData) -> Measurement {
        let values = (data.hand[id] ?? []).filter { $0.periodKey == period.key }
        if !perLocation {
            guard let value = values.first(where: { $0.locationID == nil }) else { return Measurement(value: nil, explanation: "Nog niet ingevuld.") }
            return Measurement(value: value.value, explanation: "Ingevuld.")
        }
        let perPlace = values.filter { $0.locationID.map(data.locations.contains) ?? false }
        guard !perPlace.isEmpty else { return Measurement(value: nil, explanation: "Nog voor geen enkele locatie ingevuld.") }
        let sum = perPlace.reduce(0) { $0 + $1.value }
        let of = "Ingevuld voor \(perPlace.count) van de \(data.locations.count) locaties"
        if unit == .aantal { return Measurement(value: sum, explanation: "\(of), opgeteld.") }
        return Measurement(value: sum / Double(perPlace.count), explanation: "\(of), het gemiddelde.")
    }
}

/// One period on an indicator's trend line.
public struct IndicatorPoint: Sendable {
    public let period: IndicatorPeriod
    public let measurement: Measurement
    public let status: IndicatorStatus
}

extension IndicatorDefinition {
    public func point(_ period: IndicatorPeriod, in data: IndicatorData, today: IsoDate) -> IndicatorPoint {
        let m = measure(period, in: data, today: today)
        return IndicatorPoint(period: period, measurement: m, status: norm.status(of: m.value))
    }

    /// The periods of three school years up to today, oldest first.
    public func trend(in data: IndicatorData, today: IsoDate, count: Int? = nil) -> [IndicatorPoint] {
        IndicatorPeriod.recent(count ?? IndicatorPeriod.threeYears(rhythm), rhythm, upTo: today).map { point($0, in: data, today: today) }
    }
}

extension Array where Element == IndicatorPoint {
    /// What a dashboard shows: the newest period with a value, else the current one.
    public var latest: IndicatorPoint? { last(where: { $0.measurement.value != nil }) ?? last }
}
