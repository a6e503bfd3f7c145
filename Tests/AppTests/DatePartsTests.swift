import Testing

@testable import App

/// Day, month and year boxes become one field, and come back exactly as typed.
@Suite struct DatePartsTests {
    @Test func aRealDateBecomesISOAndAWrongOneKeepsWhatWasTyped() {
        let merged = Dictionary(uniqueKeysWithValues: DateParts.merge([
            ("name", "Tom"), ("vogDate-dag", "3"), ("vogDate-maand", "10"), ("vogDate-jaar", "2025"),
            ("from-dag", "31"), ("from-maand", "2"), ("from-jaar", "2025"),
            ("periodFrom-maand", "9"), ("periodFrom-jaar", "2025"),
            ("to-dag", ""), ("to-maand", ""), ("to-jaar", ""),
            ("periodTo-maand", "13"), ("periodTo-jaar", "25"),
        ]))
        #expect(merged["name"] == "Tom")
        #expect(merged["vogDate"] == "2025-10-03")
        #expect(merged["periodFrom"] == "2025-09")
        #expect(merged["to"] == "", "all boxes empty: no date")
        #expect(merged["vogDate-dag"] == nil, "the parts are replaced by the field")
        // Not a date: the parts as typed, which no date parser accepts.
        #expect(merged["from"] == "31|2|2025")
        #expect(DateParts.parts(of: merged["from"]!, hasDay: true) == ("31", "2", "2025"))
        #expect(DateParts.parts(of: merged["periodTo"]!, hasDay: false) == ("", "13", "25"))
        // A stored value shows without leading zeros, as a person types it.
        #expect(DateParts.parts(of: "2026-06-03", hasDay: true) == ("3", "6", "2026"))
        #expect(DateParts.parts(of: "2026-06", hasDay: false) == ("", "6", "2026"))
    }

    @Test func letterAndLongPartsAreKeptButBounded() {
        let merged = Dictionary(uniqueKeysWithValues: DateParts.merge([("d-dag", "een"), ("d-maand", String(repeating: "9", count: 50)), ("d-jaar", "2025")]))
        #expect(merged["d"] == "een|9999999999|2025")
    }
}
