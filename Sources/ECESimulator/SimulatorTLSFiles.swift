import NIOSSL

/// The PEM files an HTTPS simulator serves with: a certificate chain (leaf first) and its key.
public struct SimulatorTLSFiles: Sendable, Hashable {
    public var certificateChain: String
    public var privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// The server-side TLS configuration, or a one-line reason naming the file that is wrong.
    func serverConfiguration() throws(ECESimulatorServer.StartError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateChain)
        } catch {
            throw .init(description: "cannot read the TLS certificate \(certificateChain): \(error)")
        }
        guard !chain.isEmpty else { throw .init(description: "\(certificateChain) holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw .init(description: "cannot read the TLS private key \(privateKey): \(error)")
        }
        return .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
