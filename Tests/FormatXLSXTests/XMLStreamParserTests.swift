import Testing

@testable import FormatXLSX

/// The expat wrapper: names without prefixes, text split across chunks, rich text without phonetic runs, and no DTDs.
@Suite struct XMLStreamParserTests {
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var collector = TextCollector()

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            events.append("<\(name)\(attributes["r"].map { " r=\($0)" } ?? "")>")
            collector.start(name)
        }

        func endElement(_ name: String) {
            events.append("</\(name)>")
            collector.end(name)
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) { collector.characters(bytes) }
    }

    func parse(_ xml: String, chunk: Int) throws(XMLStreamError) -> Recorder {
        let recorder = Recorder()
        let parser = try XMLStreamParser(handler: recorder)
        let bytes = Array(xml.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            let piece = Array(bytes[start..<end])
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece.count, alignment: 1)
            defer { buffer.deallocate() }
            buffer.copyBytes(from: piece)
            try parser.feed(UnsafeRawBufferPointer(buffer), isFinal: false)
            start = end
        }
        try parser.feed(UnsafeRawBufferPointer(start: nil, count: 0), isFinal: true)
        return recorder
    }

    @Test func prefixedNamesRichTextAndPhoneticRuns() throws {
        let xml = """
            <?xml version="1.0"?><x:si xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="urn:r"><x:r><x:t>Ka</x:t></x:r><x:r><x:rPr/><x:t>zakh—</x:t></x:r><x:rPh><x:t>カ</x:t></x:rPh>\
            <x:r><x:t xml:space="preserve">stan </x:t></x:r><x:c r:r="B2"/></x:si>
            """
        for chunk in [1, 3, 7, 4096] {
            let recorder = try parse(xml, chunk: chunk)
            #expect(recorder.collector.text == "Kazakh—stan ", "chunk \(chunk)")
            #expect(recorder.events.first == "<si>")
            #expect(recorder.events.contains("<c r=B2>"))
        }
    }

    @Test func aDoctypeOrAnEntityIsRefused() {
        #expect(throws: XMLStreamError.self) {
            _ = try parse("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", chunk: 4096)
        }
        do {
            _ = try parse("<!DOCTYPE a><a/>", chunk: 4096)
            Issue.record("a DOCTYPE was accepted")
        } catch {
            #expect(error.message.contains("DOCTYPE"))
        }
    }

    /// A start tag longer than `maximumTokenBytes` is refused while it is fed (once a chunk ends past the limit),
    /// not held whole; a text node that long is not, since expat hands it on in pieces.
    @Test func aTagLongerThanTheLimitIsRefusedButTextIsNot() throws {
        let long = String(repeating: "a", count: Int(XMLStreamParser.maximumTokenBytes) + 2 * 65_536)
        do {
            _ = try parse("<a b=\"\(long)\"/>", chunk: 65_536)
            Issue.record("a 4 MiB tag was accepted")
        } catch {
            #expect(error.message.hasPrefix("more than 4 MiB without the end of a tag"))
        }
        let text = try parse("<si><t>\(long)</t></si>", chunk: 65_536)
        #expect(text.collector.isTooLong)
    }

    /// A handler that sets `stopReason` stops the parser at that event, with its line and column.
    @Test func aHandlerStopsTheParser() {
        final class Stopper: XMLEventHandler {
            var count = 0
            var stopReason: String?
            func startElement(_ name: String, _ attributes: XMLAttributes) {
                count += 1
                if count == 2 { stopReason = "enough" }
            }
            func endElement(_ name: String) {}
            func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
        }
        let stopper = Stopper()
        do throws(XMLStreamError) {
            let parser = try XMLStreamParser(handler: stopper)
            let xml = Array("<a>\n <b/><c/><d/></a>".utf8)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: xml.count, alignment: 1)
            defer { buffer.deallocate() }
            buffer.copyBytes(from: xml)
            try parser.feed(UnsafeRawBufferPointer(buffer), isFinal: true)
            Issue.record("the parser did not stop")
        } catch {
            #expect(error.message == "enough")
            #expect(error.line == 2)
            #expect(stopper.count == 2)
        }
    }

    /// Text is cut at Excel's 32 767 characters, counted as characters however many bytes they take.
    @Test func textIsCutAtTheCellLimit() throws {
        let longest = String(repeating: "Ж", count: WorkbookLimits.cellCharacters)
        let fits = try parse("<si><t>\(longest)</t></si>", chunk: 4096)
        #expect(!fits.collector.isTooLong)
        #expect(fits.collector.text == longest)
        let over = try parse("<si><t>\(longest)Ж</t></si>", chunk: 4096)
        #expect(over.collector.isTooLong)
        #expect(over.collector.text == longest)
    }

    @Test func malformedXMLSaysWhere() {
        do {
            _ = try parse("<a>\n<b></a>", chunk: 4096)
            Issue.record("malformed XML was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "mismatched tag")
        }
    }

    @Test func cellAddresses() {
        #expect(CellAddress("D7") == CellAddress(row: 7, column: 4))
        #expect(CellAddress("$AA$10")?.description == "AA10")
        #expect(CellAddress("XFD1048576") != nil)
        #expect(CellAddress("XFE1") == nil)
        #expect(CellAddress("A1048577") == nil)
        #expect(CellAddress("A0") == nil)
        #expect(CellAddress.letters(of: 16384) == "XFD")
    }

    @Test func dateFormats() {
        #expect(CellStyles.isDateFormat(id: 14, code: nil))
        #expect(!CellStyles.isDateFormat(id: 0, code: nil))
        #expect(CellStyles.isDateFormat(id: 164, code: "yyyy-mm-dd"))
        #expect(CellStyles.isDateFormat(id: 165, code: "[$-409]d mmm yyyy;@"))
        #expect(!CellStyles.isDateFormat(id: 166, code: "General"))
        #expect(!CellStyles.isDateFormat(id: 167, code: "0.00\" days\""))
        #expect(!CellStyles.isDateFormat(id: 168, code: "_-* #,##0.00_-;[Red]-#,##0.00"))
        #expect(!CellStyles.isDateFormat(id: 49, code: "@"))
    }
}
