@_exported import RegionSchema
