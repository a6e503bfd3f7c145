import Vapor

/// Every unsafe request must carry the session's CSRF token, as the hidden form field
/// `csrf` or the header `X-CSRF-Token`. Without it: 403, and nothing changes.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "csrf"
    let maxBodySize: @Sendable (Request) -> Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // Read the body here (with the form limit) so the token can be checked before any handler runs.
        // A body that arrived whole is not measured by collect(), so its size is checked too.
        let maxBodySize = self.maxBodySize(request)
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > maxBodySize {
            throw Abort(.payloadTooLarge)
        }
        let body = try await request.body.collect(max: maxBodySize).get()
        if let body, body.readableBytes > maxBodySize { throw Abort(.payloadTooLarge) }
        // Before anything parses the body (the token check below does): its shape is bounded.
        let contentType = request.headers.contentType
        if BodyShape.check(body: body, contentType: contentType) != nil { throw BodyShape.problem }
        let isForm = contentType == .urlEncodedForm || contentType == .formData
        // One-click unsubscribe (RFC 8058): a mail program posts without a session; the
        // secret in the address is the proof, and all it can do is stop reminder mail.
        if request.url.path.hasPrefix(Paths.unsubscribePrefix) { return try await next.respond(to: request) }
        // A respondent of a questionnaire has no session: their device cookie is the secret.
        guard let expected = request.webSession.csrfToken ?? RespondentDevice.csrfToken(request),
              let presented = request.headers.first(name: "X-CSRF-Token") ?? (isForm ? try? request.content.get(String.self, at: Self.fieldName) : nil),
              Tokens.equal(Tokens.unmasked(presented) ?? "", expected)
        else {
            throw Abort(.forbidden, reason: ErrorPage.csrfReason)
        }
        return try await next.respond(to: request)
    }
}
