/// No result of fewer than five respondents is ever shown: not for a filter, not for a
/// combination of filters, not by taking one shown result from another.
///
/// Filters could be combined and subtracted ("all of location X" minus "X, group 7"), so
/// hiding small results only when they are asked for is not enough. Instead every response
/// is first placed in a **cell**: its values of the dimensions (year group, activity,
/// location, month, finest first). A cell with fewer than `minimum` responses gives up its
/// finest value ("counted in the next group up": the year group, then the activity, …)
/// until every cell holds at least `minimum`. If the last cell, with nothing known, is
/// still too small, the smallest other cells join it. Every filter then matches whole cells,
/// so every result, and every difference between two results, holds at least `minimum`
/// responses or none. When all responses together are fewer, nothing is shown.
public enum Anonymity {
    public static let minimum = 5

    /// A response's place; nil for a dimension it does not have or gave up.
    public typealias Cell = [String?]

    /// The cell of each response (same order), or nil for every response when there are
    /// fewer than `minimum` in all.
    public static func cells(_ responses: [Cell], minimum: Int = minimum) -> [Cell]? {
        guard responses.count >= minimum else { return nil }
        guard let width = responses.first?.count, width > 0 else { return responses }
        var cells = responses
        for dimension in 0..<width {
            let counts = count(cells)
            for (index, cell) in cells.enumerated() where counts[cell]! < minimum {
                cells[index] = generalised(cell, through: dimension)
            }
        }
        // Only the cell with nothing known can still be too small: join the smallest others to it.
        let unknown = Cell(repeating: nil, count: width)
        var counts = count(cells)
        while let size = counts[unknown], size < minimum {
            guard let smallest = counts.filter({ $0.key != unknown }).min(by: { ($0.value, $0.key.description) < ($1.value, $1.key.description) })?.key else { break }
            for (index, cell) in cells.enumerated() where cell == smallest { cells[index] = unknown }
            counts = count(cells)
        }
        return cells
    }

    /// What a filter chooses: a value per dimension, nil for "all".
    public typealias Filter = [String?]

    /// Whether a response in `cell` is counted in a filter's result. A dimension the cell
    /// gave up only matches "all".
    public static func matches(_ cell: Cell, _ filter: Filter) -> Bool {
        zip(cell, filter).allSatisfy { value, wanted in wanted == nil || value == wanted }
    }

    private static func generalised(_ cell: Cell, through dimension: Int) -> Cell {
        var copy = cell
        for d in 0...dimension { copy[d] = nil }
        return copy
    }

    private static func count(_ cells: [Cell]) -> [Cell: Int] {
        var counts: [Cell: Int] = [:]
        for cell in cells { counts[cell, default: 0] += 1 }
        return counts
    }
}
