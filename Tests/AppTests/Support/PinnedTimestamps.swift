import FluentKit
import Foundation
import SQLKit

@testable import App

/// Moves every `created_at` and `updated_at` written since `realStart` back so that
/// `realStart` becomes `moment`, keeping their order. Fluent stamps them with the real time
/// whatever the app's clock says, so pages that show them (the raster's "Laatst gewijzigd")
/// or sort by them would otherwise change with the day a test runs.
func pinTimestamps(_ db: any Database, since realStart: Date, to moment: Date) async throws {
    guard let sql = db as? any SQLDatabase else { return }
    let shift = realStart.timeIntervalSince(moment)
    struct Row: Decodable { let id: UUID; let stamp: Date? }
    for record in ListedFieldsTests.records {
        for key in record.keys.map(\.description) where key == "created_at" || key == "updated_at" {
            let rows = try await sql.select().column(SQLIdentifier("id")).column(SQLIdentifier(key), as: "stamp")
                .from(record.schema).all(decoding: Row.self)
            for row in rows {
                guard let stamp = row.stamp, stamp >= realStart else { continue }
                try await sql.update(record.schema).set(SQLIdentifier(key), to: SQLBind(stamp.addingTimeInterval(-shift)))
                    .where(SQLIdentifier("id"), .equal, SQLBind(row.id)).run()
            }
        }
    }
}
