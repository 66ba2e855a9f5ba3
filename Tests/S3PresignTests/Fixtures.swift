import Foundation

/// Reads the fixture files under `Tests/Fixtures`, located from this source file's path.
enum Fixtures {
    /// `Tests/Fixtures`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The text of the fixture at `relativePath`, or `nil` if it cannot be read.
    static func text(_ relativePath: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The bytes of the fixture at `relativePath`, or `nil` if it cannot be read.
    static func data(_ relativePath: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// The sorted names of the sub-directories of `relativePath`.
    static func directories(_ relativePath: String) -> [String] {
        let url = root.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        .sorted()
    }
}
