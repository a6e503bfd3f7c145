import Fluent
import Prometheus
import SQLKit
import Vapor

/// `/healthz` for load balancers (ready: the database answers), `/livez` (the process
/// answers; touches nothing else) and `/metrics` for Prometheus.
struct OperationsController: RouteCollection {
    let registry: PrometheusCollectorRegistry

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.health, use: health)
        routes.get(Paths.live.components) { _ in
            Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "ok\n")
        }
        routes.get(Paths.metrics, use: metrics)
    }

    func health(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            return Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "ok\n")
        } catch {
            req.logger.warning("health check failed", metadata: ["error": "\(String(reflecting: error))"])
            return Response(status: .serviceUnavailable, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "database niet bereikbaar\n")
        }
    }

    /// Per-route volumes are not for everyone: only a scraper with METRICS_TOKEN as its
    /// bearer token gets them; without a configured token the page does not exist.
    func metrics(req: Request) async throws -> Response {
        guard let expected = req.application.appConfig.metricsToken else { throw Abort(.notFound) }
        guard let presented = req.headers.bearerAuthorization?.token, Tokens.equal(presented, expected) else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"])
        }
        req.application.mailMetrics?.depth.set(Double(try await Outbox.depth(on: req.db)))
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                 body: .init(string: registry.emitToString()))
    }
}
