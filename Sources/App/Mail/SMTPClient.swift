import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where mail goes out: the school's or host's SMTP server.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain first, then STARTTLS before anything else is said (port 587).
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption: only for a server on loopback (tests, a local relay).
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender, such as "Bouwstenen <noreply@school.nl>"'s address part.
    public var from: String
    /// How this host names itself in EHLO.
    public var heloName: String = "bouwstenen.local"
    /// A PEM file of the certificate authorities to trust instead of the system's, for a
    /// server with a certificate of its own (tests, an internal relay).
    public var caFile: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, from: String) {
        (self.host, self.port, self.security, self.username, self.password, self.from) = (host, port, security, username, password, from)
    }
}

/// What the server answered: its three-digit code and the text of its lines.
public struct SMTPReply: Sendable, Equatable {
    public let code: Int
    public let lines: [String]
    public var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }
}

public struct SMTPError: Error, Sendable, CustomStringConvertible {
    public let step: String
    public let reply: SMTPReply?
    /// 4xx: try again later; 5xx: the server refuses this mail for good.
    public var isTemporary: Bool { reply.map { (400..<500).contains($0.code) } ?? true }
    public var description: String { "SMTP \(step): " + (reply.map { "\($0.code) \($0.text)" } ?? "no answer") }
}

/// A small SMTP client on SwiftNIO and NIOSSL, which the app already carries (PostgresNIO
/// uses them): one connection per batch, EHLO, STARTTLS or implicit TLS, AUTH PLAIN, and
/// then one message after another. Written here rather than driving msmtp so that the
/// worker sees each server reply (temporary or final) and no secret goes on a command line.
public final class SMTPConnection: @unchecked Sendable {
    private let channel: any Channel
    private let replies: ReplyHandler
    private let settings: SMTPSettings

    private init(channel: any Channel, replies: ReplyHandler, settings: SMTPSettings) {
        (self.channel, self.replies, self.settings) = (channel, replies, settings)
    }

    /// Connects, greets, secures and logs in; throws `SMTPError` with the step that failed.
    public static func open(_ settings: SMTPSettings, on group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            timeout: TimeAmount = .seconds(20)) async throws -> SMTPConnection {
        let replies = ReplyHandler()
        let tls = try Self.tlsContext(settings)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(settings.host)))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    try channel.pipeline.syncOperations.addHandler(replies)
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        let connection = SMTPConnection(channel: channel, replies: replies, settings: settings)
        do {
            try await connection.expect(try await replies.next(on: channel), "greeting")
            var hello = try await connection.command("EHLO \(settings.heloName)", "EHLO")
            if settings.security == .startTLS {
                guard hello.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                    throw SMTPError(step: "STARTTLS (the server does not offer it)", reply: hello)
                }
                _ = try await connection.command("STARTTLS", "STARTTLS")
                try await channel.pipeline.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(settings.host)), position: .first).get()
                hello = try await connection.command("EHLO \(settings.heloName)", "EHLO after STARTTLS")
            }
            if let user = settings.username, let password = settings.password {
                let token = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
                _ = try await connection.command("AUTH PLAIN \(token)", "AUTH", log: "AUTH PLAIN …")
            }
            return connection
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Sends one message: its envelope and its text (headers and body, lines ending in CRLF).
    /// The server's answer to the message (its queue id, usually).
    @discardableResult
    public func send(from: String, to: [String], message: String) async throws -> SMTPReply {
        _ = try await command("MAIL FROM:<\(from)>", "MAIL FROM")
        for address in to { _ = try await command("RCPT TO:<\(address)>", "RCPT TO") }
        _ = try await command("DATA", "DATA")
        // Dot-stuffing: a line that starts with "." gets one more.
        let body = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        return try await command(body + "\r\n.", "end of DATA")
    }

    public func close() async {
        _ = try? await command("QUIT", "QUIT")
        try? await channel.close()
    }

    // MARK: talking

    @discardableResult
    func command(_ line: String, _ step: String, log: String? = nil) async throws -> SMTPReply {
        let reply = replies.nextReply(on: channel)
        try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n"))
        return try await expect(try await reply.get(), step)
    }

    @discardableResult
    private func expect(_ reply: SMTPReply, _ step: String) async throws -> SMTPReply {
        guard reply.isPositive else { throw SMTPError(step: step, reply: reply) }
        return reply
    }

    private static func tlsContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.trustRoots = .file(caFile) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// SNI takes a name, not an address.
    private static func sniName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}

/// Splits what the server sends into lines (without CRLF).
private struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            // A server line is at most 512 bytes; more without an end is not SMTP.
            if buffer.readableBytes > 4096 { throw SMTPError(step: "reading", reply: nil) }
            return .needMoreData
        }
        let length = end - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}

/// Collects lines into replies ("250-…" continues, "250 …" ends) and hands each to the
/// command that waits for it, in order. Only touched on the channel's event loop.
private final class ReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = String

    private var lines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    /// The next reply, as a future made on the event loop before the command is written.
    func nextReply(on channel: any Channel) -> EventLoopFuture<SMTPReply> {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.eventLoop.execute {
            if let failure = self.failure { promise.fail(failure) }
            else if !self.ready.isEmpty { promise.succeed(self.ready.removeFirst()) }
            else { self.waiting.append(promise) }
        }
        return promise.futureResult
    }

    func next(on channel: any Channel) async throws -> SMTPReply { try await nextReply(on: channel).get() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        lines.append(line.count > 4 ? String(line.dropFirst(4)) : "")
        let chars = Array(line)
        guard chars.count >= 3, let code = Int(String(chars[0..<3])) else { return fail(SMTPError(step: "reading", reply: nil)) }
        if chars.count > 3, chars[3] == "-" { return }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError(step: "connection closed", reply: nil))
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        failure = failure ?? error
        for promise in waiting { promise.fail(error) }
        waiting = []
    }
}
