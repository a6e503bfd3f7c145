import Domain
import Foundation
import Vapor

extension Application {
    /// The configured clock (AppConfig.clock): the only place the app asks for the time.
    package var clock: WallClock { appConfig.clock }
}

extension Request {
    var now: Date { application.clock.now }
    var today: IsoDate { application.clock.today }
}
