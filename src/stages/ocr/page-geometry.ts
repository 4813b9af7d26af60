/** Pixel boxes of the cleaned (deskewed) page image -> PDF points of the original page. */
import type { BBox } from '../../model/document.js'
import type { GreyImage, PixelBox } from './image.js'
import { unrotatePoint } from './preprocess.js'
import type { PageImage } from '../../model/page-image.js'

export interface Geometry {
  readonly page: number
  toPoints(box: PixelBox): BBox
}

/** Pixel boxes of the deskewed image -> PDF points of the original page. */
export function pageGeometry(input: PageImage, image: GreyImage, appliedRotation: number): Geometry {
  const sx = input.width / image.width
  const sy = input.height / image.height
  const r2 = (n: number) => Math.round(n * 100) / 100
  return {
    page: input.page,
    toPoints(box) {
      const corners = [
        unrotatePoint(box.x0, box.y0, appliedRotation, image.width, image.height),
        unrotatePoint(box.x1, box.y0, appliedRotation, image.width, image.height),
        unrotatePoint(box.x0, box.y1, appliedRotation, image.width, image.height),
        unrotatePoint(box.x1, box.y1, appliedRotation, image.width, image.height),
      ]
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      return { x0: r2(Math.min(...xs) * sx), y0: r2(Math.min(...ys) * sy), x1: r2(Math.max(...xs) * sx), y1: r2(Math.max(...ys) * sy) }
    },
  }
}
