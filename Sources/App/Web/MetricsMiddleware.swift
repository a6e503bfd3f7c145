import Prometheus
import Vapor

/// Request counts, durations and one log line per request, by route pattern: never the
/// real path, which can hold names or invitation tokens.
struct MetricsMiddleware: AsyncMiddleware {
    let registry: PrometheusCollectorRegistry

    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(
            descriptor: .init(metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route and status"),
            labels: [("method", method), ("route", route), ("status", String(response.status.code))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request duration"),
            labels: [("method", method), ("route", route)], buckets: Self.buckets
        ).record(elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info("\(method) \(route) \(response.status.code)", metadata: [
            "duration_ms": .string(String(format: "%.1f", milliseconds)),
        ])
        return response
    }
}
