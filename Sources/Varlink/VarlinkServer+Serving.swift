import Foundation
import NIOCore

extension VarlinkServer {
    /// Serves one connection until the peer leaves, the server drains it,
    /// or it sends something that is not a call.
    func serve(_ accepted: AcceptedConnection) async {
        let channel = accepted.channel.channel
        let connection = accepted.connection
        if let refusal = accepted.refusal {
            // Written before any call arrives: a client reads it as the
            // reply to its first call, then finds the connection closed.
            await Self.write(refusal, on: channel)
            try? await channel.close()
            return
        }
        guard register(connection) else {
            try? await channel.close()
            return
        }
        defer { unregister(connection) }
        channel.closeFuture.whenComplete { _ in connection.channelClosed() }

        try? await accepted.channel.executeThenClose { inbound in
            do {
                for try await message in inbound {
                    guard connection.beginCall() else { break }
                    let keepOpen = await self.process(message, on: connection, peer: accepted.peer)
                    connection.endCall()
                    if !keepOpen { break }
                }
            } catch let error as VarlinkTransportError where error.code == .messageTooLarge {
                await Self.write(VarlinkError.invalidMessage(error.message), on: channel)
            }
            // NIO drops queued writes on close; a large reply to a client
            // that half-closed must still arrive whole.
            await connection.flush()
        }
    }

    /// Handles one message.
    /// - Returns: false if the connection must close (the message was not a call, or the peer is gone).
    private func process(_ message: ByteBuffer, on connection: ServerConnection, peer: VarlinkPeerCredentials?) async -> Bool {
        let channel = connection.channel
        let text = message.withUnsafeReadableBytes { Data($0) }
        let call: VarlinkCall
        do {
            call = try VarlinkWire.parseCall(text, peer: peer)
        } catch {
            await Self.write(error, on: channel)
            return false
        }

        guard let interface = interfaces[call.interfaceName] else {
            return await Self.answer(call, with: .interfaceNotFound(call.interfaceName), on: channel)
        }
        guard interface.methods.contains(call.methodName) else {
            return await Self.answer(call, with: .methodNotFound(call.method), on: channel)
        }
        guard !call.upgrade else {
            // Handing the connection to a method is not supported; saying so
            // beats replying and then speaking Varlink to a client that expects otherwise.
            return await Self.answer(call, with: .invalidParameter("upgrade"), on: channel)
        }

        let sink = ReplySink(connection: connection, more: call.more, oneway: call.oneway)
        if call.more {
            await runStream(call, handler: interface.handler, sink: sink, connection: connection)
        } else {
            await run(call, handler: interface.handler, sink: sink)
        }
        return channel.isActive
    }

    /// Runs a streaming handler so that the connection can cancel it (on
    /// hang-up or shutdown) without cancelling the connection's own task.
    private func runStream(
        _ call: VarlinkCall,
        handler: any VarlinkHandler,
        sink: ReplySink,
        connection: ServerConnection
    ) async {
        let (cancelled, cancel) = AsyncStream<Never>.makeStream()
        guard connection.beginStream(cancel: { cancel.finish() }) else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.run(call, handler: handler, sink: sink) }
            group.addTask {
                // Ends when the connection finishes the stream, or when the
                // group is cancelled because the handler is done.
                for await _ in cancelled {}
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Runs a handler and sends what it leaves unsaid: the error it threw,
    /// or the empty last reply.
    private func run(_ call: VarlinkCall, handler: any VarlinkHandler, sink: ReplySink) async {
        do {
            try await handler.handle(call, replies: VarlinkReplies(sink: sink))
            // A stream cut short by cancellation gets no closing reply: an
            // empty last reply would tell the client the stream was complete.
            if !Task.isCancelled { try await sink.finish() }
        } catch let error as VarlinkError {
            try? await sink.sendError(error)
        } catch is CancellationError {
            // Cancelled because the reader left or the server is stopping:
            // nobody is waiting for an answer.
        } catch let error as VarlinkTransportError where error.code == .connectionClosed {
            // The client left mid-reply; nothing to answer.
        } catch {
            // An error thrown because the handler was cancelled is not news.
            if Task.isCancelled { return }
            configuration.onHandlerError?(error, call)
            try? await sink.sendError(.internalError)
        }
    }

    /// Answers a call with an error unless it is oneway.
    /// - Returns: whether the connection is still open.
    private static func answer(_ call: VarlinkCall, with error: VarlinkError, on channel: any Channel) async -> Bool {
        if !call.oneway { await write(error, on: channel) }
        return channel.isActive
    }

    private static func write(_ error: VarlinkError, on channel: any Channel) async {
        try? await channel.writeAndFlush(VarlinkWire.encodeError(error, allocator: channel.allocator)).get()
    }
}
