import Testing
import PlenaryQRCode
import PlenaryTestSupport
@testable import PlenaryUI

@Suite struct QRCodeBlockTests {
    let address = "http://192.168.1.20:8080/"

    @Test func aDrawnCodeScansBackToItsAddress() throws {
        let block = try #require(QRCodeBlock(encoding: address))
        var grid = CellGrid(size: TerminalSize(columns: block.size.columns + 6, rows: block.size.rows + 2))
        block.draw(into: &grid, x: 3, y: 1)
        let lines = grid.lines.dropFirst().prefix(block.size.rows).map { line in
            String(Array(line).dropFirst(3).prefix(block.size.columns))
        }
        #expect(try QRScanner.decode(modules: QRCodeBlock.modules(fromLines: Array(lines))) == address)
    }

    @Test func theQuietZoneIsDrawnLightAndInTheCodesStyle() throws {
        let block = try #require(QRCodeBlock(encoding: address))
        var grid = CellGrid(size: block.size)
        block.draw(into: &grid, x: 0, y: 0)
        let quiet = QRMatrix.quietZone
        // Four light modules on every side: two rows of cells above and below, four columns at each side.
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let inMargin = row < quiet / 2 || row >= grid.height - quiet / 2 || column < quiet || column >= grid.width - quiet
                if inMargin { #expect(grid[column, row].text == " ", "cell \(column),\(row) is in the quiet zone") }
            }
        }
        #expect(grid.lines.contains { $0.contains("█") })
        #expect(grid.styleLines.allSatisfy { $0.allSatisfy { $0 == "Q" } })
    }

    @Test func aShortAddressMakesASmallCode() throws {
        let block = try #require(QRCodeBlock(encoding: address))
        // Version 2 (25 modules) holds 32 bytes at level L: with the quiet zone, 33 columns by 17 rows.
        #expect(block.size == TerminalSize(columns: 33, rows: 17))
        #expect(block.fits(width: 33, height: 17))
        #expect(!block.fits(width: 32, height: 17))
    }

    @Test func halfBlocksStackTwoModulesPerCell() {
        #expect(QRCodeBlock.glyph(top: true, bottom: true) == "█")
        #expect(QRCodeBlock.glyph(top: true, bottom: false) == "▀")
        #expect(QRCodeBlock.glyph(top: false, bottom: true) == "▄")
        #expect(QRCodeBlock.glyph(top: false, bottom: false) == " ")
        #expect(QRCodeBlock.modules(fromLines: ["▀▄█ "]) == [[true, false, true, false], [false, true, true, false]])
    }

    @Test func textTooLongForAnyCodeIsRefused() {
        #expect(QRMatrix(encoding: String(repeating: "x", count: 3000)) == nil)
        #expect(QRMatrix(encoding: "") == nil)
    }
}
