import Foundation

/// The sandbox's seed data, shipped as the `Seed` folder of this bundle.
public enum AuthdeskResources {
    /// The folder that holds the seed files.
    public static var seedDirectory: URL {
        Bundle.module.url(forResource: "Seed", withExtension: nil)!
    }

    /// The bytes of one seed file, by name inside `Seed/`.
    public static func seedFile(_ name: String) throws -> Data {
        try Data(contentsOf: seedDirectory.appendingPathComponent(name))
    }
}
