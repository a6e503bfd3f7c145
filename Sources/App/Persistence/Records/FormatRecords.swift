import Domain
import Fluent
import Foundation

/// A version of the format (reference data, shared by all coalitions).
package final class FormatRecord: Model, @unchecked Sendable {
    package static let schema = "formats"

    @ID(key: .id) package var id: UUID?
    @Field(key: "code") package var code: String
    @Field(key: "name") package var name: String

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $code, $name]) }
    package init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// One of the nine cells of a format version.
package final class BouwsteenRecord: Model, @unchecked Sendable {
    package static let schema = "bouwstenen"

    @ID(key: .id) package var id: UUID?
    @Field(key: "format_id") package var formatID: UUID
    @Field(key: "level") package var level: Level
    @Field(key: "aspect") package var aspect: Aspect
    @Field(key: "description") package var description: String

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $formatID, $level, $aspect, $description]) }
    package init(formatID: UUID, key: BouwsteenKey, description: String) {
        self.formatID = formatID
        self.level = key.level
        self.aspect = key.aspect
        self.description = description
    }

    package var key: BouwsteenKey { BouwsteenKey(level: level, aspect: aspect) }
}

/// A verdiepende vraag of a bouwsteen; exactly one per bouwsteen is mandatory.
package final class FormatQuestionRecord: Model, @unchecked Sendable {
    package static let schema = "format_questions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "bouwsteen_id") package var bouwsteenID: UUID
    @Field(key: "text") package var text: String
    @Field(key: "mandatory") package var mandatory: Bool
    @Field(key: "position") package var position: Int

    package init() {}

    package var properties: [any AnyProperty] { listed([$id, $bouwsteenID, $text, $mandatory, $position]) }
    package init(bouwsteenID: UUID, text: String, mandatory: Bool, position: Int) {
        self.bouwsteenID = bouwsteenID
        self.text = text
        self.mandatory = mandatory
        self.position = position
    }
}
