/**
 * A hand-built report for the export tests: two indicators, Thai text with the characters CSV
 * must quote (comma, double quote, line break), one unreadable score and two findings.
 * It is parsed with ReportSchema, so it is a valid report by construction.
 */
import { ReportSchema, type Prov, type Report } from '../src/report/schema.js'

const prov = (section: Prov['section'], page: number, raw: string, confidence?: number): Prov => ({
  section,
  page,
  raw,
  source: confidence === undefined ? 'transcript' : 'ocr',
  ...(confidence === undefined ? {} : { confidence, reader: 'tesseract' }),
})

const n = (value: number | null, section: Prov['section'], page: number, confidence?: number) => ({
  value,
  ...(value === null ? { uncertain: true } : {}),
  prov: prov(section, page, value === null ? '??' : String(value), confidence),
})
const t = (value: string, section: Prov['section'], page: number) => ({ value, prov: prov(section, page, value) })

export function sampleReport(organization = 'องค์การบริหารส่วนตำบลบ้านกุ่ม'): Report {
  return ReportSchema.parse({
    schemaVersion: 1,
    source: {
      file: `samples/${organization}.pdf`,
      kind: 'pdf',
      sha256: 'ab'.repeat(32),
      pages: 6,
      readBy: ['ocr', 'ocr', 'pdf-text', 'ocr', 'ocr', 'ocr'],
      pipeline: 'pdf',
      version: '0.1.0',
      catalogue: 2568,
    },
    organization: { name: t(organization, 'title', 1), district: t('สองพี่น้อง', 'title', 1), province: t('สุพรรณบุรี', 'title', 1) },
    fiscalYear: n(2568, 'title', 1),
    totalScore: n(90.42, 'overall', 3, 0.91),
    level: t('ผ่าน', 'overall', 3),
    previous: { fiscalYear: n(2567, 'overall', 3), totalScore: n(88.1, 'overall', 3), difference: n(-1.5, 'overall', 3) },
    tools: [
      { tool: 'IIT', score: n(93.55, 'summary', 1) },
      { tool: 'OIT', score: n(99.56, 'summary', 1) },
    ],
    indicators: [
      {
        number: 1,
        name: t('การปฏิบัติหน้าที่', 'summary', 1),
        tool: 'IIT',
        scores: { summary: n(93.55, 'summary', 1, 0.87), detail: n(93.5, 'detail', 2, 0.52), analysis: null },
        items: [
          { code: 'i1', title: t('การปฏิบัติงานตามขั้นตอน, "ระยะเวลา"', 'detail', 2), printedCode: t('i๑', 'detail', 2), score: n(87.33, 'detail', 2, 0.8), match: { by: 'position+text', similarity: 0.93 } },
          { code: 'i2', title: t('ให้บริการอย่างเท่าเทียม', 'detail', 2), printedCode: t('ii', 'detail', 2), score: n(null, 'detail', 2, 0.2), match: { by: 'position', similarity: 0.4 } },
        ],
        analysis: t('ผลคะแนนอยู่ในระดับดี', 'analysis', 4),
        measures: [
          {
            item: 'i1',
            itemTitle: t('การปฏิบัติงานตามขั้นตอน', 'measures', 5),
            printedCode: t('๒)', 'measures', 5),
            itemScore: n(87.33, 'measures', 5),
            printedIndicator: n(1, 'measures', 5),
            actions: [{ number: null, text: 'จัดทำคู่มือ, ประกาศ "มาตรฐาน"', prov: prov('measures', 5, 'จัดทำคู่มือ') }],
            analysis: t('ควรปรับปรุง\nขั้นตอน', 'measures', 5),
            steps: [
              { number: 1, text: 'ประชุมชี้แจง', prov: prov('measures', 5, '๑. ประชุมชี้แจง') },
              { number: 3, text: 'ติดตามผล', prov: prov('measures', 6, '๓. ติดตามผล') },
            ],
            period: { from: '2025-10-01', to: '2026-09-30', text: '๑ ตุลาคม - ๓๐ กันยายน ๒๕๖๙', inferred: ['from.year'], prov: prov('measures', 5, '๑ ตุลาคม - ๓๐ กันยายน ๒๕๖๙') },
            responsible: [t('สำนักปลัด อบต.', 'measures', 5), t('กองคลัง', 'measures', 5)],
            responsibleText: t('ทุกส่วนราชการ (สำนักปลัด อบต./กองคลัง)', 'measures', 5),
            match: { by: 'text', similarity: 0.88 },
            prov: prov('measures', 5, 'row'),
          },
        ],
      },
      {
        number: 9,
        name: t('การเปิดเผยข้อมูล', 'summary', 1),
        tool: 'OIT',
        scores: { summary: n(75, 'summary', 1), detail: n(75, 'detail', 3), analysis: n(75, 'analysis', 4) },
        items: [{ code: 'o1', title: t('โครงสร้าง', 'detail', 3), printedCode: t('๐๑', 'detail', 3), score: n(100, 'detail', 3), match: { by: 'code', similarity: 1 } }],
        analysis: null,
        measures: [],
      },
    ],
    findings: [
      {
        rule: 'indicator-score-mismatch',
        severity: 'error',
        indicator: 1,
        tool: 'IIT',
        message: { en: 'Indicator 1 is printed as 93.55 and 93.5', th: 'ตัวชี้วัดที่ 1 พิมพ์คะแนนไม่ตรงกัน' },
        explanation: { en: 'The mean of the items gives 93.55', th: 'ค่าเฉลี่ยของประเด็นคือ 93.55' },
        values: [
          { label: 'summary', value: 93.55, prov: prov('summary', 1, '๙๓.๕๕') },
          { label: 'detail', value: 93.5, prov: prov('detail', 2, '๙๓.๕๐') },
          { label: 'mean of items', value: 93.55 },
        ],
      },
      { rule: 'unreadable-value', severity: 'warning', item: 'i2', message: { en: 'Item i2 could not be read', th: 'อ่านคะแนน i2 ไม่ได้' }, values: [] },
    ],
    gaps: [{ section: 'analysis', code: 'value-missing', message: 'indicator 1 analysis score missing', indicator: 1 }],
  })
}
