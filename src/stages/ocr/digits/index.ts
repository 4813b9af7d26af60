/** The digit reader for table cells: segment a number cell, classify each glyph, validate. */
export { readNumber } from './read-number.js'
export type { NumberPattern, NumberReading, ReadGlyph, ReadNumberOptions } from './read-number.js'
export { cropRaster, decodeImage, readNumberFromImage } from './image-io.js'
export type { RasterCrop } from '../image.js'
export { loadDigitModel } from './model-store.js'
export type { DigitModel } from './model-store.js'
