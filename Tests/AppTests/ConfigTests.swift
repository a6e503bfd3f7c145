import Testing

@testable import App

@Suite struct ConfigTests {
    @Test func defaultsServeOneMachine() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.database == .sqliteFile("./data/bouwstenen.sqlite"))
        #expect(config.hostname == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(!config.isHTTPS)
        #expect(config.bcryptCost == 12)
    }

    @Test func readsDatabaseAndHTTPS() throws {
        let config = try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db", "BASE_URL": "https://bouwstenen.example.nl"])
        #expect(config.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/db", schema: nil))
        #expect(config.isHTTPS)
    }

    @Test func everyVariableIsReadHere() throws {
        let config = try AppConfig.fromEnvironment([
            "BOUWSTENEN_ADMIN_PASSWORD": "beheer met een lange zin", "TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2",
            "METRICS_TOKEN": "een-lang-geheim-voor-prometheus", "PDF_CONCURRENCY": "3", "WEASYPRINT_BIN": "/bin/sh",
        ])
        #expect(config.adminPassword == "beheer met een lange zin")
        #expect(config.trustedProxies == ["10.0.0.1", "10.0.0.2"])
        #expect(config.metricsToken == "een-lang-geheim-voor-prometheus")
        #expect(config.pdfConcurrency == 3)
        #expect(config.weasyprint?.path == "/bin/sh")
    }

    @Test func badValuesFailWithAMessage() {
        for env in [["PORT": "80a"], ["PORT": "70000"], ["BASE_URL": "ftp://x"], ["DATABASE_URL": "mysql://x"], ["BCRYPT_COST": "3"], ["AUTO_MIGRATE": "misschien"],
                    ["WEASYPRINT_BIN": "/bestaat/niet/weasyprint"], ["TRUSTED_PROXIES": "lb.example; drop"], ["METRICS_TOKEN": "kort"],
                    ["PDF_CONCURRENCY": "0"]] {
            #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(env) }
        }
    }
}
