import Domain
import Foundation

/// A jaarplan for Word: its actions as tables per result area and per bouwsteen, and the
/// evaluations written at its moments. Built by the app, written by `PlanDocx`.
public struct PlanDocument: Sendable {
    public struct Group: Sendable {
        public let name: String
        public let rows: [[String]]
        public init(name: String, rows: [[String]]) { (self.name, self.rows) = (name, rows) }
    }
    public struct Evaluation: Sendable {
        public let title: String
        public let texts: [(area: String, text: String)]
        public init(title: String, texts: [(area: String, text: String)]) { (self.title, self.texts) = (title, texts) }
    }

    public let title: String
    public let coalition: String
    public let schoolYear: String
    public let date: String
    public let areas: [Group]
    public let bouwstenen: [Group]
    public let evaluations: [Evaluation]

    public init(title: String, coalition: String, schoolYear: String, date: String, areas: [Group], bouwstenen: [Group], evaluations: [Evaluation]) {
        (self.title, self.coalition, self.schoolYear, self.date) = (title, coalition, schoolYear, date)
        (self.areas, self.bouwstenen, self.evaluations) = (areas, bouwstenen, evaluations)
    }

    public static let areaHeaders = ["Actie", "Activiteit", "Verantwoordelijke", "Wanneer", "Status", "Indicatoren"]
    public static let bouwsteenHeaders = ["Actie", "Bouwblad", "Verantwoordelijke", "Wanneer", "Status"]
}

public enum PlanDocx {
    public static func write(_ plan: PlanDocument) throws -> Data {
        var body = DocxBody(anchors: [])
        body.text("Jaarplan School en Omgeving", style: "Subtitle")
        body.text(plan.title, style: "Title")
        body.text(plan.coalition, style: "Subtitle")
        body.text("Schooljaar \(plan.schoolYear)")
        body.text("Gemaakt op " + plan.date)
        body.heading("Acties per resultaatgebied", level: 1)
        if plan.areas.isEmpty { body.text("Nog geen acties buiten de bouwbladen.") }
        for group in plan.areas {
            body.heading(group.name, level: 2)
            body.table(PlanDocument.areaHeaders, rows: group.rows, widths: [2_300, 1_300, 1_300, 1_200, 1_300, 1_600])
        }
        body.heading("Acties uit de bouwbladen", level: 1)
        if plan.bouwstenen.isEmpty { body.text("Geen acties van bouwbladen in dit schooljaar.") }
        for group in plan.bouwstenen {
            body.heading(group.name, level: 2)
            body.table(PlanDocument.bouwsteenHeaders, rows: group.rows, widths: [2_800, 1_800, 1_500, 1_400, 1_500])
        }
        for evaluation in plan.evaluations where !evaluation.texts.isEmpty {
            body.heading(evaluation.title, level: 1)
            for (area, text) in evaluation.texts {
                body.heading(area, level: 2)
                body.blocks(text)
            }
        }
        return try DocxWriter.package(title: plan.title, coalition: plan.coalition, period: plan.schoolYear, concept: false,
                                      document: DocxParts.document(body: body.xml), numberedLists: body.numberedLists)
    }
}
