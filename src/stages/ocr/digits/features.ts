/**
 * The feature vector of one glyph: its ink, scaled to a fixed grid with the aspect ratio kept
 * (so `๑` and `๐` stay told apart by shape and width), plus a few line-relative measures.
 */
import { type PixelBox, boxHeight, boxWidth } from '../image.js'
import { type Segmentation, labelMask } from './segment.js'

export const GRID = 20
export const SCALAR_FEATURES = 5
export const FEATURE_SIZE = GRID * GRID + SCALAR_FEATURES

/**
 * Area-weighted resampling of the glyph's own pixels (only its component labels, so a
 * neighbour's stroke inside the box does not leak in) into a GRID x GRID square.
 */
export function glyphFeatures(seg: Segmentation, box: PixelBox, parts: readonly number[]): Float32Array {
  const out = new Float32Array(FEATURE_SIZE)
  const bw = boxWidth(box)
  const bh = boxHeight(box)
  if (bw <= 0 || bh <= 0) return out
  const mine = labelMask(parts)
  const scale = GRID / Math.max(bw, bh)
  const offX = (GRID - bw * scale) / 2
  const offY = (GRID - bh * scale) / 2
  let ink = 0
  for (let y = box.y0; y < box.y1; y++) {
    const ty0 = offY + (y - box.y0) * scale
    const ty1 = ty0 + scale
    for (let x = box.x0; x < box.x1; x++) {
      const label = seg.labels[y * seg.width + x]!
      if (mine[label] !== 1) continue
      ink++
      const tx0 = offX + (x - box.x0) * scale
      const tx1 = tx0 + scale
      for (let gy = Math.floor(ty0); gy < Math.min(GRID, Math.ceil(ty1)); gy++) {
        const oy = Math.min(ty1, gy + 1) - Math.max(ty0, gy)
        if (oy <= 0) continue
        for (let gx = Math.floor(tx0); gx < Math.min(GRID, Math.ceil(tx1)); gx++) {
          const ox = Math.min(tx1, gx + 1) - Math.max(tx0, gx)
          if (ox > 0) out[gy * GRID + gx]! += ox * oy
        }
      }
    }
  }
  for (let i = 0; i < GRID * GRID; i++) out[i] = Math.min(1, out[i]!)
  const H = seg.digitHeight || bh
  const base = GRID * GRID
  out[base] = Math.log(bw / bh)
  out[base + 1] = bh / H
  out[base + 2] = bw / H
  out[base + 3] = ((box.y0 + box.y1) / 2 - (seg.bandTop + seg.bandBottom) / 2) / H
  out[base + 4] = ink / (bw * bh)
  return out
}
