import Foundation
import Vapor

enum PublicFiles {
    /// The folder with the stylesheet and other static files, inside the app bundle.
    static var directory: String {
        AppResources.path("Public") + "/"
    }
}
