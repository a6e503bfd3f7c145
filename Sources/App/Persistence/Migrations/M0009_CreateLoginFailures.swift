import Fluent

struct M0009_CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await database.index("idx_login_failures_key", on: "login_failures", columns: ["key", "failed_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
