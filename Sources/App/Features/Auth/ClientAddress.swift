import Vapor

/// The address of the person's own machine. Behind a load balancer every request comes
/// from the balancer, so its X-Forwarded-For is read, but only when the balancer is listed
/// in TRUSTED_PROXIES: otherwise anyone could write any address into that header.
enum ClientAddress {
    static func of(_ req: Request) -> String {
        let peer = req.remoteAddress?.ipAddress ?? "onbekend"
        let trusted = req.application.appConfig.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let forwarded = req.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Read from the right: the nearest hop that is not one of ours is the client.
        for hop in forwarded.reversed() where !trusted.contains(hop) { return String(hop.prefix(64)) }
        return peer
    }
}
