import Foundation
import HTTPTypes
import HelpdeskUseCases
import Hummingbird
import ServiceLifecycle

/// `/live`: the server-sent events that keep the queues, the P0/P1 board and the inbox current
/// while they are open (static/app.js listens). Pages work without it and refresh on reload.
struct WebLiveRoutes {
    let deps: WebDependencies
    /// A comment this often keeps proxies from closing an idle stream and notices a client
    /// that has gone away.
    static let keepAlive = Duration.seconds(20)

    func register(on group: RouterGroup<HelpdeskRequestContext>) {
        group.get("live", use: events)
    }

    @Sendable func events(_ request: Request, context: HelpdeskRequestContext) async throws -> Response {
        let page = try await deps.page(request, context)
        let user = try page.requireUser()
        let updates = deps.services.live.updates(for: user)
        let unread = page.unread
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let frames = Self.frames(updates, keepAlive: Self.keepAlive)
                var hello = ServerSentEvent.named("inbox", data: Self.inboxData(unread))
                hello.retryMilliseconds = 5000
                try await writer.write(ByteBuffer(string: hello.encoded))
                // Ends at graceful shutdown, so an open page never holds the server up.
                for try await frame in frames.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: frame.encoded))
                }
                try await writer.finish(nil)
            })
    }

    static func inboxData(_ unread: Int) -> String { "{\"unread\":\(unread)}" }

    static func frame(for update: LiveUpdate) -> ServerSentEvent {
        switch update {
        case .tickets: .named("tickets", data: "{}")
        case .inbox(let unread): .named("inbox", data: inboxData(unread))
        }
    }

    /// The updates as frames, with a keep-alive comment whenever the stream has been quiet.
    static func frames(_ updates: AsyncStream<LiveUpdate>, keepAlive: Duration) -> AsyncStream<ServerSentEvent> {
        let (stream, output) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(32))
        let forward = Task {
            for await update in updates { output.yield(frame(for: update)) }
            output.finish()
        }
        let beat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: keepAlive)
                if Task.isCancelled { return }
                output.yield(.keepAlive)
            }
        }
        output.onTermination = { _ in
            forward.cancel()
            beat.cancel()
        }
        return stream
    }
}
