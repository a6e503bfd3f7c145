import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct MembersTests {
    @Test func invitationJourney() async throws {
        try await withApp { app in
            // setup
            var leader = try await Fixture.firstUse(app)
            try await leader.get("/c/coalitie-rivierstad/leden/uitnodigen")
            // act: invite
            let created = try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", [
                "name": "Mohamed El Amrani", "email": "Mohamed@Rivierstad.example", "role": "coordinator",
            ])
            #expect(created.status == .created)
            let html = created.body.string
            let start = try #require(html.range(of: "/uitnodiging/"))
            let token = String(html[start.upperBound...].prefix { $0 != "\"" })
            #expect(Tokens.isPlausible(token))
            // Only the hash is stored.
            let stored = try #require(try await InvitationRecord.query(on: app.db).first())
            #expect(stored.tokenHash == Tokens.sha256(token))
            #expect(stored.email == "mohamed@rivierstad.example")
            // act: the invitee opens the link and sets a password
            var invitee = Browser(app)
            let page = try await invitee.get("/uitnodiging/\(token)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Je bent uitgenodigd als <strong>coördinator</strong>"))
            let weak = try await invitee.post("/uitnodiging/\(token)", ["name": "Mohamed El Amrani", "password": "kort", "passwordRepeat": "kort"])
            #expect(weak.status == .unprocessableEntity)
            let accepted = try await invitee.post("/uitnodiging/\(token)", [
                "name": "Mohamed El Amrani", "password": "de rivier stroomt snel", "passwordRepeat": "de rivier stroomt snel",
            ])
            // check
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers.first(name: .location) == "/c/coalitie-rivierstad/")
            #expect(try await invitee.get("/c/coalitie-rivierstad/").body.string.contains("Welkom bij Coalitie Rivierstad"))
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "mohamed@rivierstad.example").first())
            let membership = try #require(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == user.id!).first())
            #expect(membership.role == .coordinator)
            // The link works once.
            var again = Browser(app)
            #expect(try await again.get("/uitnodiging/\(token)").status == .notFound)
        }
    }

    @Test func revokedInvitationNoLongerWorks() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            try await leader.get("/c/coalitie-rivierstad/leden/uitnodigen")
            let created = try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", ["name": "Lezer", "email": "lezer@r.example", "role": "lezer"])
            let html = created.body.string
            let token = String(html[html.range(of: "/uitnodiging/")!.upperBound...].prefix { $0 != "\"" })
            let invitation = try #require(try await InvitationRecord.query(on: app.db).first())
            try await leader.get("/c/coalitie-rivierstad/leden")
            #expect(try await leader.post("/c/coalitie-rivierstad/uitnodigingen/\(invitation.id!)/intrekken", [:]).status == .seeOther)
            var invitee = Browser(app)
            #expect(try await invitee.get("/uitnodiging/\(token)").status == .notFound)
            // A second open invitation for the same person is refused while one is open.
            try await leader.get("/c/coalitie-rivierstad/leden/uitnodigen")
            #expect(try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", ["name": "Lezer", "email": "lezer@r.example", "role": "lezer"]).status == .created)
            let duplicate = try await leader.post("/c/coalitie-rivierstad/leden/uitnodigen", ["name": "Lezer", "email": "lezer@r.example", "role": "lezer"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.body.string.contains("al een open uitnodiging"))
        }
    }

    @Test func theLastProjectleiderStays() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let membership = try #require(try await MembershipRecord.query(on: app.db).first())
            try await leader.get("/c/coalitie-rivierstad/leden")
            let demote = try await leader.post("/c/coalitie-rivierstad/leden/\(membership.id!)/rol", ["role": "lezer", "version": "1"])
            #expect(demote.status == .unprocessableEntity)
            #expect(demote.body.string.contains("minstens één projectleider"))
            let remove = try await leader.post("/c/coalitie-rivierstad/leden/\(membership.id!)/verwijderen", [:])
            #expect(remove.status == .unprocessableEntity)
            #expect(try await MembershipRecord.find(membership.id, on: app.db)?.role == .projectleider)
        }
    }

    @Test func roleChangeBasedOnAnOldVersionIsAConflict() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let reader = UserRecord(email: "l@r.example", name: "Lid", passwordHash: "x")
            try await reader.create(on: app.db)
            let membership = MembershipRecord(coalitionID: coalition.id!, userID: reader.id!, role: .lezer)
            try await membership.create(on: app.db)
            try await leader.get("/c/coalitie-rivierstad/leden")
            let first = try await leader.post("/c/coalitie-rivierstad/leden/\(membership.id!)/rol", ["role": "coordinator", "version": "1"])
            #expect(first.status == .seeOther)
            let stale = try await leader.post("/c/coalitie-rivierstad/leden/\(membership.id!)/rol", ["role": "partner", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Iemand anders heeft dit intussen gewijzigd"))
            let stored = try #require(try await MembershipRecord.find(membership.id, on: app.db))
            #expect(stored.role == .coordinator)
            #expect(stored.version == 2)
        }
    }
}
