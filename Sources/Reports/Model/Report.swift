/// The kwaliteitsrapport as plain values, ready to be written in any format. Every text
/// is already in its final Dutch wording; the writers only lay it out. Long texts follow
/// the plain-text convention of bouwblad fields (see `PlainText`).
public struct Report: Sendable {
    public var title: String
    public var coalition: String
    public var period: String
    public var date: String
    public var isConcept: Bool
    public var introduction: String
    /// Rows from macro to micro, columns samenhang, samenwerking, uitvoering.
    public var raster: [[RasterCell]]
    public var columnLabels: [String]
    public var rowLabels: [String]
    /// In the format's order: aspect by aspect, macro, meso, micro within each.
    public var sections: [Section]
    public var openActies: [Actie]
    /// Questionnaires the coalition chose for the report, each as a summary table (only
    /// groups of five or more; see `QuestionnaireSummary`). The appendix is left out when empty.
    public var questionnaires: [Questionnaire] = []
    /// The network's meetings and cadence rules in the report's period (the samenwerking
    /// column's evidence); nil when there were none.
    public var network: Network?

    public init(title: String, coalition: String, period: String, date: String, isConcept: Bool, introduction: String,
                raster: [[RasterCell]], columnLabels: [String], rowLabels: [String], sections: [Section], openActies: [Actie]) {
        self.title = title
        self.coalition = coalition
        self.period = period
        self.date = date
        self.isConcept = isConcept
        self.introduction = introduction
        self.raster = raster
        self.columnLabels = columnLabels
        self.rowLabels = rowLabels
        self.sections = sections
        self.openActies = openActies
    }

    public struct Network: Sendable {
        /// "Overleg van augustus 2025 tot juli 2026, stand van 3 december 2026."
        public let caption: String
        /// Kind, times held, with whom.
        public let meetings: [[String]]
        /// Rule, periods met, now.
        public let rules: [[String]]
        public init(caption: String, meetings: [[String]], rules: [[String]]) { (self.caption, self.meetings, self.rules) = (caption, meetings, rules) }
    }

    public struct Questionnaire: Sendable {
        public let title: String
        /// "Leerlingen, 300 antwoorden, stand van 3 december 2026."
        public let caption: String
        /// Question, number of answers, outcome.
        public let rows: [[String]]
        public init(title: String, caption: String, rows: [[String]]) { (self.title, self.caption, self.rows) = (title, caption, rows) }
    }

    public struct RasterCell: Sendable {
        public var name: String
        public var anchor: String
        public var summary: String
        public init(name: String, anchor: String, summary: String) { self.name = name; self.anchor = anchor; self.summary = summary }
    }

    /// One bouwsteen.
    public struct Section: Sendable {
        public var anchor: String
        public var name: String
        public var description: String
        public var bouwbladen: [Bouwblad]
        public init(anchor: String, name: String, description: String, bouwbladen: [Bouwblad]) {
            self.anchor = anchor; self.name = name; self.description = description; self.bouwbladen = bouwbladen
        }
    }

    public struct Bouwblad: Sendable {
        public var anchor: String
        public var title: String
        public var question: String
        /// "Verplichte vraag", "Voorbeeldvraag" or "Eigen vraag".
        public var questionKind: String
        public var keeper: String?
        public var cycles: [Cycle]
        /// The links this bouwblad makes, printed in full here.
        public var links: [Link]
        /// The bouwbladen whose links touch this one: printed only as a reference, because
        /// the link itself is printed in full at its own bouwblad.
        public var touchedBy: [Reference]
        public init(anchor: String, title: String, question: String, questionKind: String, keeper: String?, cycles: [Cycle], links: [Link],
                    touchedBy: [Reference] = []) {
            self.anchor = anchor; self.title = title; self.question = question; self.questionKind = questionKind
            self.keeper = keeper; self.cycles = cycles; self.links = links; self.touchedBy = touchedBy
        }
    }

    public struct Cycle: Sendable {
        public var title: String
        public var period: String
        public var steps: [Step]
        public var doelen: [Doel]
        public var acties: [Actie]
        public init(title: String, period: String, steps: [Step], doelen: [Doel], acties: [Actie]) {
            self.title = title; self.period = period; self.steps = steps; self.doelen = doelen; self.acties = acties
        }
    }

    public struct Step: Sendable {
        public var title: String
        public var text: String
        public init(title: String, text: String) { self.title = title; self.text = text }
    }

    public struct Doel: Sendable {
        public var text: String
        /// "Wat meten jullie?"
        public var measure: String
        public var target: String
        public var achieved: String
        public var verdict: String
        public init(text: String, measure: String = "", target: String, achieved: String, verdict: String) {
            self.text = text; self.measure = measure; self.target = target; self.achieved = achieved; self.verdict = verdict
        }

        public var row: [String] { [text, measure, target, achieved, verdict] }
    }

    public struct Actie: Sendable {
        public var text: String
        public var owner: String
        public var deadline: String
        public var status: String
        /// Where the actie comes from; used in the appendix.
        public var source: String
        public init(text: String, owner: String, deadline: String, status: String, source: String = "") {
            self.text = text; self.owner = owner; self.deadline = deadline; self.status = status; self.source = source
        }
    }

    public struct Link: Sendable {
        public var other: String
        /// The coalition's word for the link ("trap op"), or the grid's for an older one.
        public var kind: String
        /// "Cyclus 2", or empty when the link is about the whole bouwblad.
        public var cycle: String
        public var note: String
        public init(other: String, kind: String, cycle: String = "", note: String) {
            self.other = other; self.kind = kind; self.cycle = cycle; self.note = note
        }

        public var row: [String] { [other, kind, cycle, note] }
    }

    /// A name with the anchor of its place in the report.
    public struct Reference: Sendable {
        public var name: String
        public var anchor: String
        public init(name: String, anchor: String) { self.name = name; self.anchor = anchor }
    }
}

/// Headings and labels all formats share, so the DOCX and the PDF read the same.
public enum ReportWords {
    public static let contents = "Inhoud"
    public static let introduction = "Inleiding"
    public static let raster = "De bouwstenen in één oogopslag"
    public static let rasterHint = "Klik op een bouwsteen om naar het hoofdstuk te gaan."
    public static let openActies = "Bijlage: openstaande acties"
    public static let concept = "Concept"
    public static let noBouwblad = "Voor deze bouwsteen is nog geen bouwblad ingevuld."
    public static let empty = "Nog niet ingevuld."
    public static let doelHeaders = ["Doel", "Wat meten jullie?", "Streefwaarde", "Bereikt", "Oordeel"]
    public static let actieHeaders = ["Actie", "Wie", "Wanneer", "Status"]
    public static let appendixHeaders = ["Actie", "Bouwsteen", "Wie", "Wanneer", "Status"]
    public static let linkHeaders = ["Raakt", "Soort verbinding", "Cyclus", "Toelichting"]
    public static let links = "Naastgelegen bouwstenen"
    public static let touchedBy = "Geraakt door: "
    public static let noOpenActies = "Er zijn geen openstaande acties."
    public static let questionnaires = "Bijlage: vragenlijsten"
    public static let questionnaireHeaders = ["Vraag", "Antwoorden", "Uitkomst"]
    public static let network = "Bijlage: overleg en samenwerking"
    public static let networkMeetingHeaders = ["Soort overleg", "Gehouden", "Met"]
    public static let networkRuleHeaders = ["Afspraak over overleg", "Afgelopen perioden gehaald", "Nu"]
    public static let networkMeetings = "Gehouden overleg"
    public static let networkRules = "Afspraken over hoe vaak we overleggen"
}
