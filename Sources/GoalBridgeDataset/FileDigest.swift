import Crypto
import Foundation

/// Content identity of a collected file.
enum FileDigest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
