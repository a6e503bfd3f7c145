import Domain
import Fluent
import Foundation
import Testing
import VaporTesting

@testable import App

/// The faults of the outside attack (issue 15) that a single request shows; the parallel
/// ones are in reliability/test_attacks.py.
@Suite struct AttackTests {
    @Test func theLargestVersionThatParsesIsA400AndTheServerLives() async throws {
        try await withApp { app in
            var browser = try await Fixture.firstUse(app)
            try await browser.get("/account")
            for version in ["9223372036854775807", "-9223372036854775808", "1000000001", "-1"] {
                let response = try await browser.post("/account/naam", ["name": "Gekaapt", "version": version])
                #expect(response.status == .badRequest, "\(version)")
            }
            #expect(try await browser.get("/account").status == .ok)
            #expect(try await UserRecord.query(on: app.db).first()?.name == "Sanne de Vries")
        }
    }

    @Test func versionsAreBoundedBeforeAnyArithmetic() async throws {
        #expect(Versioned.parse("9223372036854775807") == nil)
        #expect(Versioned.parse("0") == 0)
        #expect(Versioned.parse(String(Versioned.maxVersion)) == Versioned.maxVersion)
        #expect(Versioned.parse("+1") == 1)
        #expect(Versioned.parse("00000000001") == nil, "more digits than a version can have")
    }

    @Test func bodyShapeIsCheckedInOnePass() {
        #expect(BodyShape.checkURLEncoded(Array("a=1&b=2&c[]=3&c[]=4".utf8)) == nil)
        #expect(BodyShape.checkURLEncoded(Array(String(repeating: "x[]=a&", count: 301).utf8)) == .tooManyRepeats)
        // Other spellings of one key are one key.
        let mixed = (0..<301).map { $0 % 2 == 0 ? "x%5B%5D=a" : "%78[]=a" }.joined(separator: "&")
        #expect(BodyShape.checkURLEncoded(Array(mixed.utf8)) == .tooManyRepeats)
        #expect(BodyShape.checkURLEncoded(Array((0..<1_001).map { "f\($0)=a" }.joined(separator: "&").utf8)) == .tooManyFields)
        #expect(BodyShape.checkURLEncoded(Array("a[b][c][d]=1".utf8)) == .keyTooDeep)
        #expect(BodyShape.checkURLEncoded(Array((String(repeating: "k", count: 201) + "=1").utf8)) == .keyTooLong)
        let parts = (0..<30).map { _ in "--grens\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\na\r\n" }.joined() + "--grens--\r\n"
        #expect(BodyShape.checkMultipart(Array(parts.utf8), boundary: "grens") == .tooManyParts)
        #expect(BodyShape.checkMultipart(Array("--grens\r\n\r\na\r\n--grens--\r\n".utf8), boundary: "grens") == nil)
    }

    @Test func repeatedKeysAreRefusedBeforeTheCSRFCheckParsesThem() async throws {
        try await withApp { app in
            _ = try await Fixture.firstUse(app)
            var browser = Browser(app)
            try await browser.get("/inloggen")
            let body = String(repeating: "x[]=a&", count: 40_000)
            let response = try await app.testing().sendRequest(.POST, "/inloggen", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("te veel velden"))
            let query = try await app.testing().sendRequest(.GET, "/inloggen?" + String(repeating: "x=a&", count: 400))
            #expect(query.status == .badRequest)
        }
    }

    @Test func theClientAddressComesFromTrustedProxiesOnly() async throws {
        try await withApp(config: { $0.trustedProxies = ["10.9.9.9"] }) { app in
            func client(peer: String, forwarded: String) throws -> String {
                let request = Request(application: app, headers: ["X-Forwarded-For": forwarded],
                                      remoteAddress: try .init(ipAddress: peer, port: 443), on: app.eventLoopGroup.next())
                return ClientAddress.of(request)
            }
            let behindBalancer = try client(peer: "10.9.9.9", forwarded: "1.2.3.4")
            // Written by the client itself in front: the nearest untrusted hop counts.
            let spoofedInFront = try client(peer: "10.9.9.9", forwarded: "6.6.6.6, 1.2.3.4, 10.9.9.9")
            // Not from the balancer: the header is not believed.
            let direct = try client(peer: "5.5.5.5", forwarded: "1.2.3.4")
            #expect(behindBalancer == "1.2.3.4")
            #expect(spoofedInFront == "1.2.3.4")
            #expect(direct == "5.5.5.5")
        }
    }
}
