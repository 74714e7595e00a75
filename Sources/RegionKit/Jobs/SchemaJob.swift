/// Writes the generated schemas into a folder (`Schemas/`).
public enum SchemaJob {
    /// The generated schema files, by file name, as they are committed.
    public static func files() -> [(name: String, text: String)] {
        [
            (JSONSchemaGenerator.fileName, JSONSchemaGenerator.datasetSchema()),
            (PluginSchemas.requestFileName, PluginSchemas.request()),
            (PluginSchemas.responseFileName, PluginSchemas.response()),
        ].map { ($0.0, $0.1.serialized() + "\n") }
    }

    /// Writes every schema file into `folder`; returns the paths written.
    @discardableResult
    public static func run(into folder: String) throws(RegionKitError) -> [String] {
        let transaction = OutputTransaction()
        for file in files() {
            try transaction.write(file.text, to: folder + "/" + file.name)
        }
        let paths = transaction.paths
        try transaction.commit()
        return paths
    }
}
