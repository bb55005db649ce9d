import Crypto
import Foundation

/// Content identity of a collected file.
public enum FileDigest {
    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        // Hex by table: `String(format: "%02x")` per byte cost more than hashing the file.
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
