import Domain
import Fluent
import Foundation

/// A version of the format (reference data, shared by all coalitions).
final class FormatRecord: Model, @unchecked Sendable {
    static let schema = "formats"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}

    var properties: [any AnyProperty] { listed([$id, $code, $name]) }
    init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// One of the nine cells of a format version.
final class BouwsteenRecord: Model, @unchecked Sendable {
    static let schema = "bouwstenen"

    @ID(key: .id) var id: UUID?
    @Field(key: "format_id") var formatID: UUID
    @Field(key: "level") var level: Level
    @Field(key: "aspect") var aspect: Aspect
    @Field(key: "description") var description: String

    init() {}

    var properties: [any AnyProperty] { listed([$id, $formatID, $level, $aspect, $description]) }
    init(formatID: UUID, key: BouwsteenKey, description: String) {
        self.formatID = formatID
        self.level = key.level
        self.aspect = key.aspect
        self.description = description
    }

    var key: BouwsteenKey { BouwsteenKey(level: level, aspect: aspect) }
}

/// A verdiepende vraag of a bouwsteen; exactly one per bouwsteen is mandatory.
final class FormatQuestionRecord: Model, @unchecked Sendable {
    static let schema = "format_questions"

    @ID(key: .id) var id: UUID?
    @Field(key: "bouwsteen_id") var bouwsteenID: UUID
    @Field(key: "text") var text: String
    @Field(key: "mandatory") var mandatory: Bool
    @Field(key: "position") var position: Int

    init() {}

    var properties: [any AnyProperty] { listed([$id, $bouwsteenID, $text, $mandatory, $position]) }
    init(bouwsteenID: UUID, text: String, mandatory: Bool, position: Int) {
        self.bouwsteenID = bouwsteenID
        self.text = text
        self.mandatory = mandatory
        self.position = position
    }
}
