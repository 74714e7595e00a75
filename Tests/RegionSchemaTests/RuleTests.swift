import Testing

@testable import RegionSchema

/// A minimal valid dataset that tests change one thing in.
func sampleDataset() -> Dataset {
    var dataset = Dataset()
    dataset[.sources] = [
        Record([
            "id": .text("src"), "title": .text("T"), "author": .text("A"), "publisher": .text("P"),
            "published": .date(year(2019)),
        ])
    ]
    dataset[.countries] = [
        Record([
            "id": .text("UZB"), "alpha2": .text("UZ"), "name": .text("Uzbekistan"), "role": .text("central asian state"),
            "source": .text("src"), "quote": .text("Uzbekistan left the CSTO twice"),
        ]),
        Record([
            "id": .text("RUS"), "alpha2": .text("RU"), "name": .text("Russia"), "role": .text("focal state"),
            "source": .text("src"), "quote": .text("Russia plays a major role"),
        ]),
    ]
    dataset[.organizations] = [
        Record([
            "id": .text("csto"), "name": .text("CSTO"), "kind": .text("military alliance"),
            "source": .text("src"), "quote": .text("Russia plays a major role"),
        ])
    ]
    dataset[.memberships] = [
        Record([
            "id": .text("uzb-csto"), "country": .text("UZB"), "organization": .text("csto"), "status": .text("member"),
            "from": .date(year(2005)), "to": .date(year(2012)),
            "source": .text("src"), "quote": .text("Uzbekistan left the CSTO twice"),
        ])
    ]
    return dataset
}

let sampleContext = ValidationContext(sourceTexts: ["src": "Uzbekistan  left the CSTO twice. In both, Russia plays a major role."])

func codes(_ dataset: Dataset, context: ValidationContext = sampleContext) -> [String] {
    DatasetValidator().validate(dataset, in: context).map(\.code)
}

@Suite struct RuleTests {
    @Test func sampleIsValid() {
        #expect(codes(sampleDataset()) == [])
    }

    @Test func everyRuleHasAUniqueName() {
        let names = DatasetRules.all.map { type(of: $0).name }
        #expect(Set(names).count == names.count)
    }

    @Test func enumTypoGetsAHint() throws {
        var dataset = sampleDataset()
        dataset[.memberships][0]["status"] = .text("memeber")
        let findings = DatasetValidator().validate(dataset, in: sampleContext)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "schema.enum")
        #expect(finding.hint == "did you mean 'member'?")
        #expect(finding.location?.path == "memberships[0].status")
    }

    @Test func missingRequiredFieldAndUnknownField() {
        var dataset = sampleDataset()
        dataset[.countries][0]["alpha2"] = nil
        dataset[.countries][0]["colour"] = .text("red")
        #expect(codes(dataset) == ["schema.required", "schema.unknown-field"])
    }

    @Test func wrongValueKind() {
        var dataset = sampleDataset()
        dataset[.countries][0]["name"] = .number(3)
        #expect(codes(dataset) == ["schema.type"])
    }

    @Test func rangesPatternsAndLengths() {
        var dataset = sampleDataset()
        dataset[.countries][0]["capital"] = .text("Tashkent")
        dataset[.countries][0]["capital_longitude"] = .number(69.2)
        dataset[.countries][0]["capital_latitude"] = .number(91)
        dataset[.countries][1]["alpha2"] = .text("rus")
        dataset[.organizations][0]["name"] = .text(" CSTO")
        dataset[.memberships][0]["quote"] = .text(String(repeating: "x", count: 401))
        #expect(Set(codes(dataset)) == ["schema.range", "schema.pattern", "schema.whitespace", "schema.length", "source.quote"])
    }

    /// A text's length is its Unicode code points, as JSON Schema's maxLength counts: 400 family emoji of five code
    /// points each are 2 000, too long for a note of at most 400; 200 letters with a combining accent are 400, not
    /// too long; one code point more is.
    @Test func lengthsCountUnicodeCodePoints() throws {
        let note = try #require(DatasetSchema.table(.indicators).field("note"))
        #expect(note.maxLength == 400)
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F466}"
        #expect(family.count == 1 && family.unicodeScalars.count == 5)
        let emoji = String(repeating: family, count: 400)
        let problems = FieldRule.problems(of: .text(emoji), for: note)
        #expect(problems.map(\.code) == ["length"])
        #expect(problems.first?.message == "the text has 2000 characters (Unicode code points); at most 400 are allowed")

        let accented = String(repeating: "e\u{301}", count: 200)
        #expect(accented.count == 200 && accented.unicodeScalars.count == 400)
        #expect(FieldRule.problems(of: .text(accented), for: note).isEmpty)
        let longer = FieldRule.problems(of: .text(accented + "e"), for: note)
        #expect(longer.map(\.message) == ["the text has 401 characters (Unicode code points); at most 400 are allowed"])
        // 400 Cyrillic letters take 800 bytes and are not too long.
        #expect(FieldRule.problems(of: .text(String(repeating: "ж", count: 400)), for: note).isEmpty)
    }

    /// Characters XML cannot carry are refused in every text, list items included; tabs and line feeds are not, and
    /// a carriage return has its own finding: the dataset's one line break is the line feed.
    @Test func controlCharactersAreRefused() throws {
        var dataset = sampleDataset()
        dataset[.countries][0]["name"] = .text("Uzbek\u{0}istan")
        dataset[.countries][1]["name"] = .text("Rus\u{1B}sia")
        dataset[.organizations][0]["name"] = .text("Collective\tSecurity\nTreaty")
        #expect(codes(dataset) == ["schema.character", "schema.character"])
        dataset[.organizations][0]["name"] = .text("Collective\tSecurity\r\nTreaty")
        #expect(codes(dataset) == ["schema.character", "schema.character", "schema.line-break"])
        let finding = try #require(DatasetValidator().validate(dataset, in: sampleContext).first)
        #expect(
            finding.message
                == "name: the text holds the control character U+0000 (character 6), which XML formats such as XLSX cannot carry")
        for scalar: Unicode.Scalar in ["\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}"] {
            #expect(TextCharacters.isRefused(scalar), "\(TextCharacters.name(of: scalar))")
        }
        for scalar: Unicode.Scalar in ["\t", "\n", "\r", " ", "\u{A0}", "\u{2028}", "\u{FFFD}", "\u{1F600}"] {
            #expect(!TextCharacters.isRefused(scalar), "\(TextCharacters.name(of: scalar))")
        }
    }

    /// The search for a refused character finds one exactly where a walk over the characters would, wherever it
    /// stands among ASCII, Cyrillic and other multi-byte text, for every scalar of the planes that hold them.
    @Test func refusedCharactersAreFoundWhereverTheyStand() {
        let ranges: [ClosedRange<UInt32>] = [0...0x800, 0xFEF0...0x10010]
        for scalar in ranges.joined().compactMap(Unicode.Scalar.init) {
            for (prefix, position) in [("", 1), ("ab", 3), ("Казахстан ", 11), ("\u{EF}\u{BF}", 3), ("€", 2)] {
                let text = prefix + String(Character(scalar)) + "о"
                let found = TextCharacters.firstRefused(in: text)
                if TextCharacters.isRefused(scalar) {
                    #expect(found?.scalar == scalar && found?.position == position, "\(TextCharacters.name(of: scalar))")
                } else if found != nil {
                    Issue.record("\(TextCharacters.name(of: scalar)) after '\(prefix)' reported as refused")
                }
            }
        }
    }

    @Test func duplicateIDs() {
        var dataset = sampleDataset()
        dataset[.memberships].append(dataset[.memberships][0])
        #expect(codes(dataset) == ["table.duplicate-id"])
    }

    @Test func unknownReferencesInScalarsAndLists() {
        var dataset = sampleDataset()
        dataset[.memberships][0]["country"] = .text("UZX")
        dataset[.events] = [
            Record([
                "id": .text("e"), "date": .date(year(2008)), "kind": .text("policy"),
                "countries": .list(["UZB", "TJK"]), "summary": .text("s"), "source": .text("nope"), "quote": .text("q"),
            ])
        ]
        let findings = DatasetValidator().validate(dataset, in: sampleContext).filter { $0.code == "ref.unknown" }
        #expect(findings.count == 3)
        #expect(findings.contains { $0.message.contains("'UZX'") && $0.hint == "did you mean 'UZB'?" })
        #expect(findings.contains { $0.message.contains("'TJK'") })
    }

    @Test func periodsMustNotEndBeforeTheyBegin() {
        var dataset = sampleDataset()
        dataset[.memberships][0]["from"] = .date(year(2012))
        dataset[.memberships][0]["to"] = .date(year(2005))
        #expect(codes(dataset) == ["dates.order"])
        dataset[.memberships][0]["to"] = .date(PartialDate(year: 2012, month: 1)!)
        #expect(codes(dataset) == [])
    }

    @Test func oneUnitPerIndicator() {
        var dataset = sampleDataset()
        let row: (String, String) -> Record = { id, unit in
            Record([
                "id": .text(id), "country": .text("UZB"), "indicator": .text("students"), "value": .number(1),
                "unit": .text(unit), "source": .text("src"), "quote": .text("Russia plays a major role"),
            ])
        }
        dataset[.indicators] = [row("a", "persons"), row("b", "persons"), row("c", "thousands")]
        #expect(codes(dataset) == ["indicators.unit"])
    }

    @Test func quotesMustBeVerbatimButWhitespaceRunsMayDiffer() throws {
        var dataset = sampleDataset()
        dataset[.countries][0]["quote"] = .text("Uzbekistan left the\nCSTO twice")
        #expect(codes(dataset) == [])
        dataset[.countries][0]["quote"] = .text("Uzbekistan left the CSTO three times")
        let finding = try #require(DatasetValidator().validate(dataset, in: sampleContext).first)
        #expect(finding.code == "source.quote")
        #expect(finding.hint == "the source has 'Uzbekistan left the CSTO' but then differs at 'three'")
    }

    @Test func missingSourceTextIsAWarning() {
        let findings = DatasetValidator().validate(sampleDataset(), in: ValidationContext())
        #expect(findings.map(\.code) == ["source.text-missing"])
        #expect(findings.first?.severity == .warning)
        #expect(!findings.hasErrors)
    }

    @Test func capitalCoordinatesComeInPairs() {
        var dataset = sampleDataset()
        dataset[.countries][0]["capital_longitude"] = .number(69.2)
        #expect(Set(codes(dataset)) == ["countries.capital.coordinates", "countries.capital.name"])
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsNearWordsOnly() {
        #expect(Suggestion.closest(to: "memeber", in: ["member", "withdrawn"]) == "member")
        #expect(Suggestion.closest(to: "Member", in: ["member"]) == "member")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["member", "withdrawn"]) == nil)
    }
}

/// A year as a partial date, for building test rows.
func year(_ value: Int) -> PartialDate {
    guard let date = PartialDate(year: value) else { preconditionFailure("\(value) is not a year") }
    return date
}

/// The validator's fast paths answer as the character walks they stand in for.
@Suite struct FieldRuleFastPathTests {
    static let texts = [
        "a", " a", "a ", "\ta", "a\n", "Kazakhstan", "\u{00A0}x", "x\u{00A0}", "x\u{3000}", "e\u{301}", " \u{301}",
        "a\u{301} ", "👨‍👩‍👦", "\u{0600}a", "x\r", "\r\nx", "ж", "\u{85}x", "x\u{2028}",
    ]

    @Test(arguments: texts)
    func spaceAtEitherEndAsCharactersSay(_ text: String) {
        let walked = text.first?.isWhitespace == true || text.last?.isWhitespace == true
        #expect(FieldRule.hasSpaceAtEitherEnd(text) == walked)
    }

    @Test(arguments: texts + ["\u{0}", "a\u{7F}", "\u{9F}", "\u{FFFE}", "\u{FFFF}", "tab\tand\nline"])
    func theByteTableMissesNoRefusedCharacterNorCarriageReturn(_ text: String) {
        if TextCharacters.firstRefused(in: text) != nil || TextCharacters.firstCarriageReturn(in: text) != nil {
            #expect(TextCharacters.mayHoldRefusedOrCarriageReturn(text))
        }
        #expect(!TextCharacters.mayHoldRefusedOrCarriageReturn("tab\tand\nline, Кириллица, 中文"))
    }
}
