import FormatGeoJSON
import Testing

/// The geometry types on tricky rings: winding, rounding, closure, the antimeridian and boxes.
@Suite struct GeometryTests {
    func ring(_ pairs: [(Double, Double)]) -> LinearRing {
        LinearRing(pairs.map { Position($0.0, $0.1) }).closed()
    }

    func isInRange(_ polygon: Polygon) -> Bool {
        polygon.rings.allSatisfy { $0.positions.allSatisfy { (-180...180).contains($0.longitude) } }
    }

    @Test func windingFollowsTheRightHandRule() {
        let clockwise = ring([(0, 0), (0, 1), (1, 1), (1, 0)])
        #expect(clockwise.signedArea == -1)
        let hole = ring([(0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8)])
        #expect(hole.isCounterClockwise)
        let fixed = RingOrientation.rightHanded(Polygon(exterior: clockwise, holes: [hole]))
        #expect(fixed.exterior.isCounterClockwise)
        #expect(fixed.holes[0].signedArea < 0)
        #expect(RingOrientation.isRightHanded(fixed))
        #expect(fixed.exterior.positions.first == fixed.exterior.positions.last)
    }

    @Test func precisionRoundsAndWritesWithoutExponents() throws {
        let precision = try CoordinatePrecision(decimals: 6)
        #expect(precision.text(71.4277744) == "71.427774")
        #expect(precision.text(-180) == "-180")
        #expect(precision.text(0.0000004) == "0")
        #expect(precision.text(-0.0000006) == "-0.000001")
        #expect(precision.text(1e-5) == "0.00001")
        #expect(try CoordinatePrecision(decimals: 0).text(12.5) == "13")
        #expect(throws: GeometryError.self) { try CoordinatePrecision(decimals: 16) }
        #expect(throws: GeometryError.self) { try CoordinatePrecision(decimals: -1) }
    }

    @Test func cleaningDropsRepeatsAfterRoundingAndCollapsedRings() throws {
        let cleaner = RingCleaner(precision: try CoordinatePrecision(decimals: 2))
        let noisy = LinearRing([
            Position(0, 0), Position(1.001, 0), Position(1.002, 0.001), Position(1, 1), Position(0, 1), Position(0.001, 0.002),
        ])
        let cleaned = try #require(cleaner.clean(noisy))
        #expect(cleaned.positions == [Position(0, 0), Position(1, 0), Position(1, 1), Position(0, 1), Position(0, 0)])
        // A sliver thinner than the precision collapses to a line and is dropped.
        #expect(cleaner.clean(ring([(0, 0), (1, 0.001), (2, 0)])) == nil)
        // Three distinct positions make the smallest ring RFC 7946 allows: four with the closing one.
        #expect(cleaner.clean(ring([(0, 0), (1, 0), (0, 1)]))?.positions.count == 4)
    }

    /// A Chukotka-like ring running from 170°E across the antimeridian to 170°W and back.
    @Test func aRingAcrossTheAntimeridianIsCutInTwo() throws {
        let chukotka = ring([(170, 60), (-170, 60), (-170, 70), (170, 70)])
        #expect(AntimeridianSplitter.crosses(chukotka))
        let parts = try AntimeridianSplitter.split(Polygon(exterior: chukotka))
        #expect(parts.count == 2)
        for part in parts {
            #expect(isInRange(part))
            #expect(!AntimeridianSplitter.crosses(part.exterior))
            #expect(part.exterior.isClosed)
        }
        let spans = parts.map { part in part.exterior.positions.map(\.longitude) }.map { ($0.min() ?? 0, $0.max() ?? 0) }
        #expect(spans.contains { $0 == (170, 180) })
        #expect(spans.contains { $0 == (-180, -170) })
        let area = parts.map { abs($0.exterior.signedArea) }.reduce(0, +)
        #expect(abs(area - 200) < 1e-9)
    }

    /// A U-shaped ring whose two arms cross the antimeridian: four crossings, two parts east of it.
    @Test func aRingCrossingFourTimesGivesSeparatePartsOnOneSide() throws {
        let shape = ring([(170, 0), (-170, 0), (-170, 10), (175, 10), (175, 20), (-170, 20), (-170, 30), (170, 30)])
        let parts = try AntimeridianSplitter.split(Polygon(exterior: shape))
        let east = parts.filter { $0.exterior.positions.allSatisfy { $0.longitude <= -170 } }
        let west = parts.filter { $0.exterior.positions.allSatisfy { $0.longitude >= 170 } }
        #expect(east.count == 2)
        #expect(west.count == 1)
        #expect(parts.allSatisfy(isInRange))
        let total = parts.map { abs($0.exterior.signedArea) }.reduce(0, +)
        #expect(abs(total - abs(LinearRingArea.unwrapped(shape))) < 1e-9)
    }

    @Test func positionsOnTheAntimeridianAndRingsBeyondItNeedNoCut() throws {
        let touching = ring([(170, 0), (180, 0), (180, 10), (170, 10)])
        #expect(try AntimeridianSplitter.split(Polygon(exterior: touching)).count == 1)
        let beyond = ring([(190, 0), (200, 0), (200, 10), (190, 10)])
        let moved = try AntimeridianSplitter.split(Polygon(exterior: beyond))
        #expect(moved.count == 1)
        #expect(moved[0].exterior.positions.map(\.longitude).min() == -170)
    }

    @Test func holesGoWithThePartThatHoldsThem() throws {
        let exterior = ring([(170, 0), (-170, 0), (-170, 20), (170, 20)])
        let hole = ring([(-178, 5), (-178, 15), (-172, 15), (-172, 5)])
        let parts = try AntimeridianSplitter.split(Polygon(exterior: exterior, holes: [hole]))
        let withHole = try #require(parts.first { !$0.holes.isEmpty })
        #expect(withHole.exterior.positions.allSatisfy { $0.longitude <= -170 })
        #expect(withHole.holes.count == 1)

        let crossingHole = ring([(178, 5), (-178, 5), (-178, 15), (178, 15)])
        #expect(throws: GeometryError.self) { try AntimeridianSplitter.split(Polygon(exterior: exterior, holes: [crossingHole])) }
    }

    @Test func aRingAroundThePoleIsRefused() {
        let band = ring([(-120, 80), (0, 80), (120, 80)])
        #expect(throws: GeometryError.self) { try AntimeridianSplitter.split(Polygon(exterior: band)) }
    }

    @Test func boxesCrossTheAntimeridianWhenThatIsNarrower() throws {
        var coverage = LongitudeCoverage()
        coverage.add(27, 180)
        coverage.add(-180, -170)
        coverage.add(19.6, 22.8)
        let span = try #require(coverage.span)
        #expect(span.west == 19.6 && span.east == -170)
        #expect(LongitudeCoverage.span(19.6, -170, contains: 179))
        #expect(LongitudeCoverage.span(19.6, -170, contains: -175))
        #expect(!LongitudeCoverage.span(19.6, -170, contains: 0))

        let europe = try #require(BoundingBox.enclosing([Position(-10, 35), Position(40, 70)]))
        #expect(europe == BoundingBox(west: -10, south: 35, east: 40, north: 70))
        let pacific = try #require(BoundingBox.enclosing([Position(170, -20), Position(-175, -10)]))
        #expect(pacific.crossesAntimeridian)
        #expect(pacific.values == [170, -20, -175, -10])
    }

    @Test func theNormalizerMakesRFC7946PolygonsFromClockwiseRingsAcrossTheAntimeridian() throws {
        let clockwise = ring([(170, 60), (170, 70), (-170.0000004, 70), (-170, 60)])
        let result = try GeometryNormalizer().normalize([Polygon(exterior: clockwise)])
        #expect(result.polygons.count == 2)
        #expect(result.polygons.allSatisfy(RingOrientation.isRightHanded))
        #expect(result.polygons.allSatisfy(isInRange))
        #expect(result.bbox.values == [170, 60, -170, 70])
        #expect(result.polygons.allSatisfy { $0.exterior.positions.count >= 4 && $0.exterior.isClosed })
    }
}

/// The area of a ring with its longitudes made continuous, for comparing a ring with the parts it was cut into.
enum LinearRingArea {
    static func unwrapped(_ ring: LinearRing) -> Double {
        var positions: [Position] = []
        for position in ring.positions {
            guard let previous = positions.last else {
                positions.append(position)
                continue
            }
            var longitude = position.longitude
            while longitude - previous.longitude > 180 { longitude -= 360 }
            while longitude - previous.longitude < -180 { longitude += 360 }
            positions.append(Position(longitude, position.latitude))
        }
        return LinearRing(positions).signedArea
    }
}
