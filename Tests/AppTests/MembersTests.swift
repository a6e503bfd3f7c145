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
            // check: the account and the membership exist; the answer asks to log in
            #expect(accepted.status == .seeOther)
            let login = try #require(accepted.headers.first(name: .location))
            #expect(login == "/inloggen?terug=/uitnodiging/\(token)")
            let user = try #require(try await UserRecord.query(on: app.db).filter(\.$email == "mohamed@rivierstad.example").first())
            let membership = try #require(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == user.id!).first())
            #expect(membership.role == .coordinator)
            #expect(try await invitee.get(login).body.string.contains("Bijna klaar. Log in met mohamed@rivierstad.example"))
            let loggedIn = try await invitee.post("/inloggen", ["email": "mohamed@rivierstad.example", "password": "de rivier stroomt snel", "terug": "/uitnodiging/\(token)"])
            #expect(loggedIn.headers.first(name: .location) == "/uitnodiging/\(token)")
            #expect(try await invitee.get("/uitnodiging/\(token)").headers.first(name: .location) == "/c/coalitie-rivierstad/")
            // The link works once: a second account through it changes nothing, and answers the same.
            var again = Browser(app)
            try await again.get("/uitnodiging/\(token)")
            let second = try await again.post("/uitnodiging/\(token)", [
                "name": "Iemand Anders", "password": "een heel ander wachtwoord", "passwordRepeat": "een heel ander wachtwoord",
            ])
            #expect(second.status == accepted.status)
            #expect(second.headers.first(name: .location) == login)
            #expect(try await UserRecord.query(on: app.db).filter(\.$email == "mohamed@rivierstad.example").count() == 1)
            #expect(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == user.id!).count() == 1)
            let stillTheirs = try #require(try await UserRecord.find(user.id, on: app.db))
            #expect(stillTheirs.name == "Mohamed El Amrani" && stillTheirs.passwordHash == user.passwordHash)
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

    /// Removing asks first on a page of its own; a role is changed on a page of its own, and a
    /// refused change shows that page again with the choice that was made.
    @Test func removingAMemberAsksFirstAndARoleHasItsOwnPage() async throws {
        try await withApp { app in
            var leader = try await Fixture.firstUse(app)
            let coalition = try #require(try await CoalitionRecord.query(on: app.db).first())
            let reader = UserRecord(email: "l@r.example", name: "Lotte Lid", passwordHash: "x")
            try await reader.create(on: app.db)
            let membership = MembershipRecord(coalitionID: coalition.id!, userID: reader.id!, role: .lezer)
            try await membership.create(on: app.db)
            let base = "/c/coalitie-rivierstad/leden/\(membership.id!)"
            // The list holds no form: links to the two pages.
            let list = try await leader.get("/c/coalitie-rivierstad/leden").body.string
            #expect(!list.contains("<form method=\"post\" action=\"\(base)"))
            #expect(list.contains("href=\"\(base)/verwijderen\""))
            #expect(list.contains("href=\"\(base)/rol\""))
            // Asking first changes nothing.
            let ask = try await leader.get("\(base)/verwijderen")
            #expect(ask.status == .ok)
            #expect(ask.body.string.contains("Ja, Lotte Lid verwijderen"))
            #expect(try await MembershipRecord.find(membership.id, on: app.db) != nil)
            // The role page marks the current role; a made-up role is refused, the page again.
            let rolePage = try await leader.get("\(base)/rol").body.string
            #expect(rolePage.contains("value=\"lezer\" checked"))
            let refused = try await leader.post("\(base)/rol", ["role": "baas", "version": "1"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Er is een probleem") || refused.body.string.contains("error-summary"))
            #expect(try await MembershipRecord.find(membership.id, on: app.db)?.role == .lezer)
            // Removing after the question.
            #expect(try await leader.post("\(base)/verwijderen", [:]).status == .seeOther)
            #expect(try await MembershipRecord.find(membership.id, on: app.db) == nil)
            // The other people do not see these pages.
            let leaderMembership = try #require(try await MembershipRecord.query(on: app.db).first())
            var stranger = Browser(app)
            #expect(try await stranger.get("/c/coalitie-rivierstad/leden/\(leaderMembership.id!)/rol").status == .seeOther)
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

@Suite struct MembersStoreTests {
    /// The store holds the tenant: handed another coalition's ids, it finds and changes nothing.
    @Test func aStoreCannotReachAnotherCoalitionsRows() async throws {
        try await withApp { app in
            // setup: Rivierstad (first use) and Zuidstad with a projectleider and an open invitation
            _ = try await Fixture.firstUse(app)
            let rivierstad = try #require(try await CoalitionRecord.query(on: app.db).filter(\.$slug == "coalitie-rivierstad").first())
            let (zuid, stranger) = try await Fixture.coalition(app, name: "Coalitie Zuidstad", memberEmail: "pl@zuidstad.example", role: .projectleider)
            let theirs = try #require(try await MembershipRecord.query(on: app.db).filter(\.$user.$id == stranger.requireID()).first())
            let invitation = InvitationRecord()
            invitation.coalitionID = try zuid.requireID()
            invitation.name = "Iemand"; invitation.email = "iemand@zuidstad.example"; invitation.role = .lezer
            invitation.locationIDs = ""; invitation.tokenHash = Tokens.sha256(Tokens.random())
            invitation.expiresAt = Date().addingTimeInterval(3600); invitation.invitedBy = try stranger.requireID()
            try await invitation.create(on: app.db)
            // act: Rivierstad's store, handed Zuidstad's ids
            let store = MembersStore(coalitionID: try rivierstad.requireID(), on: app.db)
            // check
            #expect(try await store.membership(theirs.requireID()) == nil)
            #expect(try await store.invitation(invitation.requireID()) == nil)
            #expect(try await store.memberships().allSatisfy { $0.coalitionID == rivierstad.id })
            #expect(try await store.change(theirs.requireID(), to: .lezer, expectedVersion: theirs.version, now: Date()) == .notFound)
            #expect(try await store.change(theirs.requireID(), to: nil, expectedVersion: nil, now: Date()) == .notFound)
            try await store.revoke(invitation, now: Date())
            let after = try #require(try await MembershipRecord.find(theirs.id, on: app.db))
            #expect(after.role == .projectleider)
            #expect(try await InvitationRecord.find(invitation.id, on: app.db)?.revokedAt == nil)
        }
    }
}
