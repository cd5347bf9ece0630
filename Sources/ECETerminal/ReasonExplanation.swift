import ECEChat
import ECEMonitor

/// Plain-language explanation of an entry point's state for the detail screen: what its
/// chatAllowed reason and eligibility code mean in ECE, and what an administrator should check.
public struct ReasonExplanation: Sendable, Hashable {
    /// One labelled paragraph (`why`, `check`, `note`).
    public struct Paragraph: Sendable, Hashable {
        public var label: String
        public var text: String
        public var role: StyleRole
    }

    public var paragraphs: [Paragraph]

    public init(_ entryPoint: EntryPointSnapshot) {
        var paragraphs: [Paragraph] = []
        if let chatAllowed = entryPoint.chatAllowed {
            if chatAllowed.allowed {
                paragraphs.append(Paragraph(label: "allowed", text: "chatAllowed says yes: the entry point is active, an agent is "
                    + "available and its queue is below the maximum depth.", role: .ok))
            } else if let reason = chatAllowed.reason {
                let (why, check) = Self.reason(reason)
                paragraphs.append(Paragraph(label: reason.rawValue, text: why, role: PanelStatus(entryPoint).role))
                paragraphs.append(Paragraph(label: "check", text: check, role: .text))
            } else {
                paragraphs.append(Paragraph(label: "not allowed", text: "chatAllowed refused new chats without a reason.", role: .warning))
            }
        } else {
            paragraphs.append(Paragraph(label: "unknown", text: "chatAllowed has not answered yet.", role: .dim))
        }
        if let eligibility = entryPoint.eligibility {
            paragraphs.append(Paragraph(label: "checkEligibility \(eligibility.code)", text: Self.eligibility(eligibility), role: .dim))
        }
        // The vendor's known trap: availability "not required" answers true with nobody there.
        if entryPoint.agentAvailable == true, entryPoint.freeSlots == 0 {
            paragraphs.append(Paragraph(label: "note", text: "agentAvailability is true but capacity is 0: the entry point probably "
                + "has \"agent availability not required\" set, which answers true (and eligibility 0) with no agent logged in; "
                + "check that setting and who is logged in.", role: .warning))
        }
        self.paragraphs = paragraphs
    }

    /// What a chatAllowed reason means in ECE, and what to check.
    static func reason(_ reason: ChatAllowedReason) -> (why: String, check: String) {
        switch reason {
        case .queueDepthReached:
            ("the queue behind the entry point holds its configured maximum of waiting chats; ECE refuses new ones until it drains.",
             "agents logged in and available on the queue, their concurrent task limit (capacity), and the queue's maximum depth.")
        case .agentNotAvailable:
            ("no agent on the queue behind the entry point is available for new chats.",
             "agents logged in and set available for chat, their concurrent task limit, and the media routing domain's rules.")
        case .serviceNotRunning:
            ("ECE's Agent Assignment Service (AAS), which routes chats to agents, is not running.",
             "the Agent Assignment Service and its process on the services server (System console, Services); when every entry "
                + "point says this, the service is down for all of them.")
        case .invalidEntryPoint:
            ("ECE does not know this entry point ID.",
             "the ID watched here and used by the web site's chat link against the entry points in the administration console "
                + "(deleted, or a typo).")
        case .entryPointInactive:
            ("the entry point exists but is not active, so ECE refuses chats on it.",
             "the entry point's activation in the administration console (make it active), and whether it was deactivated on purpose.")
        case .other:
            ("ECE refuses new chats for a reason it does not name.",
             "the entry point and queue configuration in the administration console, and the ECE application server logs.")
        case .unrecognized:
            ("a reason the ECE 11.6 note does not list, shown exactly as the server sent it.",
             "the documentation of this server's ECE version (it may be newer than 11.6).")
        }
    }

    /// What a checkEligibility code means in ECE.
    static func eligibility(_ eligibility: Eligibility) -> String {
        switch eligibility {
        case .canTakeChats: "the queue can take new chats (an agent is available, the queue is below its maximum)."
        case .noAgentAvailable: "no agent is available for new chats on the queue."
        case .queueDepthReached: "the queue's maximum depth is reached; no new chats will be processed."
        case .unrecognized: "a code the ECE 11.6 note does not list."
        }
    }
}
