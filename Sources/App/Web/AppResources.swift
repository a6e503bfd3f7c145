import Foundation

/// Files shipped inside the app bundle (templates, stylesheet, password list).
enum AppResources {
    /// The copied `Resources` folder. `url(forResource:)` finds it on Linux and macOS alike,
    /// where `resourceURL` differs between the two.
    static var root: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
