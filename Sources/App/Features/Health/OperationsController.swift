import Fluent
import Prometheus
import SQLKit
import Vapor

/// `/healthz` for load balancers (ready: the database answers), `/livez` (the process
/// answers; touches nothing else) and `/metrics` for Prometheus.
struct OperationsController: RouteCollection {
    let registry: PrometheusCollectorRegistry

    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("livez") { _ in
            Response(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"], body: "ok\n")
        }
        routes.get("metrics", use: metrics)
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

    func metrics(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                 body: .init(string: registry.emitToString()))
    }
}
