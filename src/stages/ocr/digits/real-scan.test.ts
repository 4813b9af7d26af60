import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readNumber } from './index.js'
import { bankumScanPath, bankumScoreCells } from '../../../../tools/digit-model/real-cells.js'

describe.each([300, 200] as const)('real scan (samples/bankum), %i dpi', (dpi) => {
  it.skipIf(!existsSync(bankumScanPath(dpi)))('reads every score of the summary table and the detail list on pages 1-2', async () => {
    const cells = await bankumScoreCells(dpi)
    const read = cells.map((c) => readNumber(c.crop))
    console.log(`${dpi} dpi: ${read.map((r) => r.text).join(' ')}`)
    expect(read.map((r) => (r.uncertain ? null : r.text))).toEqual(cells.map((c) => c.expected))
  })
})
