import Fluent
import FluentSQL

/// The activiteitenboek: details of locations and partners, partner staff with their VOG,
/// activities with the vooraf-check, and sessions with nabespreking and observations.
/// Pupils appear only as numbers, never by name.
struct M0018_CreateActiviteitenboek: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters one thing at a time.
        for (table, column) in [("locations", "address"), ("locations", "year_groups"),
                                ("partner_organisations", "contact_name"), ("partner_organisations", "contact_email")] {
            try await database.schema(table).field(.string(column), .string, .required, .sql(.default(""))).update()
        }
        for table in ["locations", "partner_organisations"] {
            try await database.schema(table).field("version", .int, .required, .sql(.default(1))).update()
            try await database.schema(table).field("updated_at", .datetime).update()
        }
        try await database.schema("activity_settings")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("vog_years", .int, .required)
            .field("minimum_per_cell", .int, .required)
            .field("extra_domains", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .unique(on: "coalition_id")
            .create()
        try await database.schema("partner_staff")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("partner_id", .uuid, .required, .references("partner_organisations", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("vog_date", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("idx_partner_staff_coalition", on: "partner_staff", columns: ["coalition_id", "partner_id"])
        try await database.schema("activities")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("domain", .string, .required)
            .field("location_id", .uuid, .required, .references("locations", "id", onDelete: .cascade))
            .field("partner_id", .uuid, .references("partner_organisations", "id", onDelete: .setNull))
            .field("weekdays", .string, .required)
            .field("start_time", .string)
            .field("end_time", .string)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("year_groups", .string, .required)
            .field("max_group_size", .int)
            .field("goals", .string, .required)
            .field("doel_id", .uuid, .references("doelen", "id", onDelete: .setNull))
            .field("in_school", .bool, .required)
            .field("vier_ogen", .bool, .required)
            .field("contact_before_after", .bool, .required)
            .field("school_present", .string, .required)
            .field("status", .string, .required)
            .field("check_answers", .string)
            .field("check_evaluation", .string)
            .field("check_at", .datetime)
            .field("check_by_name", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.index("idx_activities_coalition", on: "activities", columns: ["coalition_id", "location_id"])
        try await database.schema("activity_staff")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("staff_id", .uuid, .required, .references("partner_staff", "id", onDelete: .cascade))
            .unique(on: "activity_id", "staff_id")
            .create()
        try await database.index("idx_activity_staff_coalition", on: "activity_staff", columns: ["coalition_id"])
        try await database.schema("activity_sessions")
            .id()
            .field("coalition_id", .uuid, .required, .references("coalitions", "id", onDelete: .cascade))
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("cancelled", .bool, .required)
            .field("pupils", .int)
            .field("went_well", .string, .required)
            .field("improve", .string, .required)
            .field("incident", .bool, .required)
            .field("incident_text", .string, .required)
            .field("incident_handled_at", .datetime)
            .field("incident_handled_by", .string)
            .field("betrokkenheid", .string)
            .field("welbevinden", .string)
            .field("recorded_by_name", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "activity_id", "date")
            .create()
        try await database.index("idx_activity_sessions_coalition", on: "activity_sessions", columns: ["coalition_id", "activity_id"])
    }

    func revert(on database: any Database) async throws {
        for table in ["activity_sessions", "activity_staff", "activities", "partner_staff", "activity_settings"] {
            try await database.schema(table).delete()
        }
        for table in ["partner_organisations", "locations"] {
            try await database.schema(table).deleteField("updated_at").update()
            try await database.schema(table).deleteField("version").update()
        }
        for (table, column) in [("partner_organisations", "contact_email"), ("partner_organisations", "contact_name"),
                                ("locations", "year_groups"), ("locations", "address")] {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }
}
