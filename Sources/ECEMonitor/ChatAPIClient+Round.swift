import ECEChat

extension ChatAPIClient {
    /// One poll of one entry point: its calls all at once, the answers in the order they came.
    nonisolated func round(of calls: [ChatAPICall], for entryPoint: EntryPointID) async -> [ChatAPIExchange] {
        await withTaskGroup(of: ChatAPIExchange.self) { group in
            for call in calls { group.addTask { await self.exchange(call, entryPoint: entryPoint) } }
            var exchanges: [ChatAPIExchange] = []
            for await exchange in group { exchanges.append(exchange) }
            return exchanges
        }
    }
}
