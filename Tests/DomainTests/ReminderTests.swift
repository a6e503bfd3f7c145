import Testing

@testable import Domain

@Suite struct ReminderPreferencesTests {
    @Test func aKindNotChosenIsWeeklyAndStoredChoicesReadBack() {
        var preferences = ReminderPreferences(stored: "acties=dagelijks,sessies=nooit,onzin=dagelijks,cycli=soms")
        #expect(preferences[.acties] == .daily && preferences[.sessies] == .none)
        #expect(preferences[.cycli] == .weekly, "an unknown value is the standard")
        preferences[.vogs] = .none
        #expect(ReminderPreferences(stored: preferences.stored) == preferences)
        #expect(preferences.stored == "acties=dagelijks,sessies=nooit,vogs=nooit")
    }

    @Test func weeklyMailGoesOutOnMondayDailyEveryDay() throws {
        let monday = try #require(IsoDate("2026-03-02")), tuesday = try #require(IsoDate("2026-03-03"))
        let preferences = ReminderPreferences([.acties: .daily, .sessies: .none])
        #expect(preferences.kinds(sentOn: tuesday) == [.acties])
        #expect(preferences.kinds(sentOn: monday) == Set(ReminderKind.allCases).subtracting([.sessies]))
    }
}
