import Domain
import Fluent
import Vapor

/// Goals measured by an indicator: their achieved value is the indicator's value of the
/// period in which the cycle ends (the current period while that lies ahead), computed over
/// the whole coalition, so it changes with the data until the cycle is closed. After that,
/// the value kept on closing is shown with its day.
enum DoelMeasurement {
    static func apply(_ doelen: [Doel], cycles: [CycleRecord], _ req: Request, _ tenant: Tenant) async throws -> [Doel] {
        guard doelen.contains(where: { $0.indicatorID != nil }) else { return doelen }
        let read = try await req.cached("indicatoren") { try await IndicatorBoard.read(tenant.coalitionID, req.db) }
        return apply(doelen, cycles: cycles, read, today: req.today)
    }

    static func apply(_ doelen: [Doel], cycles: [CycleRecord], _ read: IndicatorBoard.Read, today: IsoDate) -> [Doel] {
        let indicators = Dictionary(uniqueKeysWithValues: read.records.compactMap { r in r.id.map { ($0, r) } })
        let ends = Dictionary(uniqueKeysWithValues: cycles.compactMap { c in c.id.map { ($0, c.periodTo.flatMap(Month.init)) } })
        return doelen.map { doel in
            guard let id = doel.indicatorID, let indicator = indicators[id] else { return doel }
            var measured = doel
            let unit = indicator.unitValue
            measured.lowerIsBetter = indicator.normValue.direction == .lager
            // The target is read in the indicator's unit.
            measured.unit = unit == .percentage ? .procent : .aantal
            if measured.target.isEmpty { measured.target = IndicatorUnit.decimal(indicator.norm, places: indicator.norm.rounded() == indicator.norm ? 0 : 1) }
            if let frozen = doel.frozenOn.flatMap(IsoDate.init) {
                measured.source = "Uit de indicator ‘\(indicator.name)’, vastgelegd op \(frozen.label) toen de cyclus werd afgerond."
                return measured
            }
            let current = IndicatorPeriod(indicator.rhythmValue, containing: today)
            let end = ends[doel.cycleID].flatMap { $0 }.map { IndicatorPeriod(indicator.rhythmValue, containing: $0) }
            let period = end.map { $0 < current ? $0 : current } ?? current
            let point = indicator.definition.point(period, in: read.data, today: today)
            measured.achieved = point.measurement.value.map { IndicatorUnit.decimal($0, places: unit == .gemiddelde ? 1 : 0) } ?? ""
            measured.source = "Uit de indicator ‘\(indicator.name)’, \(period.label): \(point.measurement.explanation)"
            return measured
        }
    }
}
