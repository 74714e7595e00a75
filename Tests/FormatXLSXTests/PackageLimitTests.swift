import Foundation
import RegionKit
import TestSupport
import Testing

@testable import FormatXLSX

/// The ZIP reader's bounds, each met on the committed workbook export with a limit set low enough to trip it, and
/// the rules for entry names. The hostile files themselves are `HostileInputTests`.
@Suite struct PackageLimitTests {
    static let workbook = Repository.path("Exports/xlsx/central-asia.xlsx")

    /// Reads every part of the workbook the importer reads, with `limits`.
    func importParts(_ limits: PackageLimits) throws(RegionKitError) {
        let package = try WorkbookPackage(path: Self.workbook, limits: limits)
        let index = try WorkbookIndex.read(package)
        let strings = try SharedStringTable.read(index.sharedStringsPart, in: package)
        let styles = try CellStyles.read(index.stylesPart, in: package)
        for sheet in index.sheets {
            try SheetReader.read(sheet.part, sheet: sheet.name, in: package, strings: strings, styles: styles) { _ in }
        }
    }

    @Test func theDefaultsReadAnExport() throws {
        try importParts(PackageLimits())
    }

    @Test func aPartLargerThanThePartLimitIsRefusedBeforeItIsInflated() throws {
        var limits = PackageLimits()
        limits.maximumPartSize = 10_000
        let error = try #require(throws: RegionKitError.self) { try importParts(limits) }
        #expect(error.message.contains("would inflate to"))
        #expect(error.message.contains("more than the 9.7 KiB a part may"))
    }

    @Test func partsThatTogetherPassTheTotalAreRefused() throws {
        var limits = PackageLimits()
        limits.maximumTotalSize = 100_000
        let error = try #require(throws: RegionKitError.self) { try importParts(limits) }
        #expect(
            error.message.hasSuffix("the parts of the workbook inflate to more than 97.6 KiB together; it is refused as a likely zip bomb"))
    }

    @Test func aPartThatShrinksMoreThanTheRatioIsRefused() throws {
        var limits = PackageLimits()
        limits.maximumRatio = 3
        limits.ratioExemptSize = 4096
        let error = try #require(throws: RegionKitError.self) { try importParts(limits) }
        #expect(error.message.contains("times its size; the parts of a workbook shrink at most 3 times"))
    }

    @Test func morePartsThanTheLimitAreRefused() throws {
        var limits = PackageLimits()
        limits.maximumEntries = 10
        let error = try #require(throws: RegionKitError.self) { try importParts(limits) }
        #expect(error.message.hasSuffix("the package lists 47 entries, more than the 10 a workbook may have; it is refused"))
    }

    @Test(arguments: [
        ("/etc/passwd", "an entry with an absolute name ('/etc/passwd')"),
        ("C:\\Windows\\win.ini", "an entry with an absolute name ('C:\\Windows\\win.ini')"),
        ("xl/../../evil.xml", "an entry whose name climbs out of the package with '..' ('xl/../../evil.xml')"),
        ("xl\\..\\evil.xml", "an entry whose name climbs out of the package with '..' ('xl\\..\\evil.xml')"),
        ("xl/a\u{0}b.xml", "an entry whose name holds a NUL byte ('xl/a?b.xml')"),
    ])
    func namesThatLeaveThePackageAreRefused(_ name: String, _ problem: String) {
        #expect(ZIPEntry.problem(with: name) == problem)
    }

    @Test func partNamesAreFine() {
        for name in ["xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/_rels/sheet1.xml.rels", "docProps/..hidden"] {
            #expect(ZIPEntry.problem(with: name) == nil)
        }
    }

    @Test func partsAreFoundWithoutRegardToCase() throws {
        let package = try WorkbookPackage(path: Self.workbook)
        #expect(package.contains("XL/Workbook.xml"))
        #expect(!package.contains("xl/workbook2.xml"))
    }

    @Test func sizesAreShownInUnits() {
        #expect(ZIPArchive.size(17_479) == "17 KiB")
        #expect(ZIPArchive.size(1023) == "1023 bytes")
        #expect(ZIPArchive.size(3 << 29) == "1.5 GiB")
    }
}
