import Domain
import Fluent

/// Data migration: the format "Bouwstenen voor kwaliteit 2024" with its nine bouwstenen
/// and their questions.
struct M0011_LoadFormat2024: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let definition = FormatDefinition.bouwstenen2024
        try await database.transaction { db in
            let format = FormatRecord(code: definition.code, name: definition.name)
            try await format.create(on: db)
            for bouwsteen in definition.bouwstenen {
                let record = BouwsteenRecord(formatID: (try format.requireID()), key: bouwsteen.key, description: bouwsteen.description)
                try await record.create(on: db)
                for (position, question) in bouwsteen.questions.enumerated() {
                    try await FormatQuestionRecord(bouwsteenID: (try record.requireID()), text: question.text, mandatory: question.mandatory, position: position).create(on: db)
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await FormatRecord.query(on: database).filter(\.$code == FormatDefinition.bouwstenen2024.code).delete()
    }
}
