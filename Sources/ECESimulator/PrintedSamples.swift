import ECEChat

/// The response samples of the vendor's ECE 11.6 note, byte for byte as printed (defects
/// included: the declaration closed with ` />`, `</ns2: queueDepth >`, the unquoted
/// `responseType=0`, namespace URIs with typos), with the current values put in.
///
/// Kept as source text, not read from disk, so the simulator runs anywhere.
enum PrintedSamples {
    static func body(_ value: ChatAPIValue) -> String {
        switch value {
        case .agentAvailability(let available):
            return #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes" />
            <agentAvailability available="\#(available)" xmlns:ns2="http://bindIngs.egain.com/chat "
            xmlns:ns4="urn:ietf:params:xml:ns:xmpp-stanzas" xmlns:ns3="jabber:client "
            xmlns:ns5="http://jabber.org/protocol/httpbind" />

            """#
        case .capacity(let count):
            return #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <availableSlots xmlns:ns2="http://bindings.egain.com/chat"
            xmlns:ns4="urn:ietf:params:xmlns:xmpp-sanzas"
            xmlns:ns5="http://jabber.org/protocol/httbind">
            <ns2:count>\#(count)</ns2:count>
            </availableSlots>

            """#
        case .sessionStatus(let status):
            return #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sessionStatus xmlns:ns2="http://bindings.egain.com/chat"
            xmlns:ns4="urn:ietf:params:xmlns:xmpp-sanzas"
            xmlns:ns5="http://jabber.org/protocol/httbind">
              <ns2:waitTime>\#(ResponseBodies.decimal(status.waitTimeSeconds))</ns2:waitTime>
              <ns2:queueDepth>\#(status.queueDepth)</ns2: queueDepth >
            </sessionStatus>

            """#
        case .eligibility(let eligibility):
            return #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <checkEligibility xmlns:ns2="http://bindings.egain.com/chat"
            xmlns:ns4="urn:ietf:params:xmlns:xmpp-smanzas" xmlns:ns3="jabber:client"
            xmlns:ns5="http://jabber.org/protocol/httbind" responseType=\#(eligibility.code) />

            """#
        case .chatAllowed(let answer):
            guard !answer.allowed else {
                return #"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <chatAllowed xmlns:ns2="http://bindings.egain.com/chat"
                xmlns:ns4="urn:iETF:params:xml:ns:xmpp-stanzas" xmlns:ns3="jabber:client"
                xmlns:ns5="http://jabber.org/protocol/httpbind" allowed="true"/>

                """#
            }
            return #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <chatAllowed xmlns:ns2="http://bindings.egain.com/chat"
            xmlns:ns4="urn:iETF:params:xml:ns:xmpp-stanzas" xmlns:ns3="jabber:client"
            xmlns:ns5="http://jabber.org/protocol/httpbind" allowed="false"
            reason="\#(XMLEscaping.escape(answer.reason?.rawValue ?? "other"))"/>

            """#
        }
    }
}
