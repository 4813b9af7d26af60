/**
 * Columns of a table drawn without column lines, from where its rows' pieces of text lie side by
 * side: the k-th pieces of the rows with the most pieces make the k-th column, and every piece of
 * the other rows falls in one or more of those columns (a heading over two columns spans them) or
 * is centred in the gap between two (a group score centred under two columns spans both). A row
 * with more pieces than the columns (a wide space inside a cell) has pieces that share a column:
 * they are one cell. The unit is the caller's (pixels or points). When no rows give such columns,
 * columnsByExtent takes the pieces' extents, overlapping ones merged. The OCR path (rules across,
 * no column lines) and the PDF text layer's tables (no rulings) both take their columns here.
 */

export interface Span {
  readonly x0: number
  readonly x1: number
}

/** A row's piece of text (pieces sharing a column joined) placed in the columns: the first column it is in and how many it spans. */
export interface Placed extends Span {
  readonly col: number
  readonly colSpan: number
}

export interface ColumnOptions<S extends Span = Span> {
  /**
   * How far off the centre of the gap between two columns a piece in that gap may be: one figure,
   * or one per piece (a share of its type size, where the pieces' sizes differ).
   */
  readonly slack: number | ((piece: S) => number)
}

/**
 * The columns, and each row's pieces placed in them (pieces that share a column merged into one
 * cell), or undefined when no count of pieces that two rows share gives columns every row fits.
 */
export function columnsFromRows<S extends Span>(rows: readonly (readonly S[])[], options: ColumnOptions<S>): { columns: Span[]; cells: Placed[][] } | undefined {
  const slack = typeof options.slack === 'number' ? () => options.slack as number : options.slack
  const counts = [...new Set(rows.map((r) => r.length).filter((n) => n >= 2))].sort((a, b) => b - a)
  for (const n of counts) {
    const model = rows.filter((r) => r.length === n)
    if (model.length < 2) continue
    const columns = columnsByOrder(model, n < counts[0]!)
    if (!columns) continue
    const cells = rows.map((r) => placeRow(r, columns, slack))
    if (cells.every((c): c is Placed[] => c !== undefined)) return { columns, cells }
  }
  return undefined
}

/**
 * The k-th pieces of rows with as many pieces, when those columns do not overlap. `fewer`: rows
 * with more pieces exist, so the k-th pieces must also share some width (rows of two pieces
 * whose second lies under different columns of the fuller rows make no column); the fullest rows
 * need not (a centred heading and a short left-aligned cell under it are one column).
 */
function columnsByOrder(rows: readonly (readonly Span[])[], fewer: boolean): Span[] | undefined {
  const n = rows[0]!.length
  const shared = (k: number): boolean => !fewer || Math.max(...rows.map((r) => r[k]!.x0)) < Math.min(...rows.map((r) => r[k]!.x1))
  const columns = Array.from({ length: n }, (_, k) => ({ x0: Math.min(...rows.map((r) => r[k]!.x0)), x1: Math.max(...rows.map((r) => r[k]!.x1)) }))
  return columns.every((c, k) => shared(k) && (k === 0 || columns[k - 1]!.x1 < c.x0)) ? columns : undefined
}

/** A row's pieces placed in the columns, or undefined when one fits nowhere. */
function placeRow<S extends Span>(row: readonly S[], columns: readonly Span[], slack: (piece: S) => number): Placed[] | undefined {
  const placed: { first: number; last: number; x0: number; x1: number }[] = []
  for (const piece of row) {
    const at = placePiece(piece, columns, slack(piece))
    if (!at) return undefined
    const prev = placed.at(-1)
    // Pieces sharing a column are one cell (the row's pieces are in order, left to right).
    if (prev && at.first <= prev.last) {
      prev.last = Math.max(prev.last, at.last)
      prev.x1 = Math.max(prev.x1, piece.x1)
    } else placed.push({ ...at, x0: piece.x0, x1: piece.x1 })
  }
  return placed.map((p) => ({ col: p.first, colSpan: p.last - p.first + 1, x0: p.x0, x1: p.x1 }))
}

function placePiece(piece: Span, columns: readonly Span[], slack: number): { first: number; last: number } | undefined {
  const first = columns.findIndex((c) => Math.min(c.x1, piece.x1) > Math.max(c.x0, piece.x0))
  if (first >= 0) {
    let last = first
    while (last + 1 < columns.length && Math.min(columns[last + 1]!.x1, piece.x1) > Math.max(columns[last + 1]!.x0, piece.x0)) last++
    return { first, last }
  }
  // In the gap between two columns: centred on it, it spans both.
  const k = columns.findIndex((c) => c.x0 >= piece.x1)
  if (k <= 0) return undefined
  const middle = (piece.x0 + piece.x1) / 2
  return Math.abs(middle - (columns[k - 1]!.x1 + columns[k]!.x0) / 2) <= slack ? { first: k - 1, last: k } : undefined
}

/**
 * Columns from the extents of the rows' pieces, overlapping ones (or ones `join` apart) merged; a
 * piece over two or more pieces of one row, or over none but centred in the gap between two (a
 * group heading), spans columns and makes none. A heading centred over narrow columns may only
 * touch the outer ones: any overlap counts.
 */
export function columnsByExtent<S extends Span>(rows: readonly (readonly S[])[], options: ColumnOptions<S> & { readonly join: number }): Span[] {
  const slack = typeof options.slack === 'number' ? () => options.slack as number : options.slack
  const overlaps = (a: Span, b: Span): boolean => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0
  // Centred in the gap between two pieces of two other rows or more, and over no piece of any
  // row: a heading over both (one row could leave a gap there by chance).
  const centredIn = (p: S, r: readonly S[]): boolean =>
    r.some((a, k) => k + 1 < r.length && a.x1 <= p.x0 && p.x1 <= r[k + 1]!.x0 && Math.abs((p.x0 + p.x1) / 2 - (a.x1 + r[k + 1]!.x0) / 2) <= slack(p))
  const inGap = (p: S): boolean => rows.every((r) => r.every((o) => o === p || !overlaps(o, p))) && rows.filter((r) => !r.includes(p) && centredIn(p, r)).length >= 2
  const spanning = (p: S): boolean => rows.some((r) => r.filter((o) => overlaps(o, p)).length >= 2) || inGap(p)
  const spans = rows.flatMap((r) => r.filter((p) => !spanning(p))).sort((p, q) => p.x0 - q.x0)
  const out: { x0: number; x1: number }[] = []
  for (const s of spans) {
    const last = out.at(-1)
    if (last && s.x0 <= last.x1 + options.join) last.x1 = Math.max(last.x1, s.x1)
    else out.push({ x0: s.x0, x1: s.x1 })
  }
  return out
}
