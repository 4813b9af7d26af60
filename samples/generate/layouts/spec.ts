/**
 * What a generated report says, independent of how it is laid out: the agency, the scores as
 * printed in each section (copies may disagree: the contradictions the checker is for), and the
 * improvement measures. Templates (templates.ts) turn a spec into layout blocks; truth.ts turns it
 * into the values and findings a perfect reading must give.
 *
 * `randomReportSpec(seed)` draws a consistent report with the real scoring rules of
 * shared/docs/ita-format.md, then injects contradictions with the probabilities in
 * `CONTRADICTION_ODDS`; `spec.contradictions` says which were injected.
 */
import { loadCatalogue, type Catalogue } from '../../../src/catalogue/catalogue.js'
import type { Tool } from '../../../src/report/schema.js'
import {
  ACTIONS, ANALYSIS_BODIES, ANALYSIS_CLOSINGS, ANALYSIS_OPENINGS, DEPARTMENTS, DISTRICTS, FACULTIES, MEASURE_ANALYSES, ORG_PREFIX, OVERALL_REMARKS,
  PLACE_NAMES, SIGNATORIES, STATE_ENTERPRISES, STEPS, UNITS, UNIVERSITIES, V7_ACTIONS, V7_ANALYSES, V7_HEADS, V7_MEASURE_ANALYSES, V7_STEPS,
  V8_ACTIONS, V8_ANALYSES, V8_HEADS, V8_MEASURE_ANALYSES, V8_STEPS, HOSPITAL_UNIVERSITIES, TOWN_NAMES, V9_ACTIONS, V9_ANALYSES, V9_HEADS,
  V9_MEASURE_ANALYSES, V9_STEPS, PUBLIC_ORGANISATIONS, V10_ACTIONS, V10_ANALYSES, V10_HEADS, V10_MEASURE_ANALYSES, V10_STEPS,
  DMS_HOSPITALS, MUSEUM_TOWNS, V11_ACTIONS, V11_ANALYSES, V11_HEADS, V11_MEASURE_ANALYSES, V11_PARENTS, V11_STEPS,
  COLLEGE_TOWNS, EMBASSY_CITIES, NATIONAL_PARKS, V12_ACTIONS, V12_ANALYSES, V12_HEADS, V12_MEASURE_ANALYSES, V12_PARENTS, V12_STEPS,
  V17_ACTIONS, V17_ANALYSES, V17_HEADS, V17_MEASURE_ANALYSES, V17_PARENTS, V17_PROVINCES, V17_STEPS, type V17OrgKind,
  MILITARY_UNITS, SOCIAL_PROVINCES, SOUTHERN_TAMBONS, V16_ACTIONS, V16_ANALYSES, V16_HEADS, V16_MEASURE_ANALYSES, V16_PARENTS, V16_STEPS, type V16OrgKind,
  BANGKOK_DISTRICTS, EDUCATION_PROVINCES, REVENUE_AREAS, V15_ACTIONS, V15_ANALYSES, V15_HEADS, V15_MEASURE_ANALYSES, V15_PARENTS, V15_STEPS, type V15OrgKind,
  COMMUNITY_COLLEGES, CUSTOMS_CHECKPOINTS, V14_ACTIONS, V14_ANALYSES, V14_HEADS, V14_MEASURE_ANALYSES, V14_PARENTS, V14_STEPS, type V14OrgKind,
  CITY_MUNICIPALITIES, V13_ACTIONS, V13_ANALYSES, V13_HEADS, V13_MEASURE_ANALYSES, V13_PARENTS, V13_PROVINCES, V13_STEPS,
  type V13OrgKind, type OrgKind, type V7OrgKind, type V8OrgKind, type V9OrgKind, type V10OrgKind, type V11OrgKind, type V12OrgKind,
} from './phrases.js'
import { seededRandom, subSeed, type Random } from './random.js'

export type { OrgKind } from './phrases.js'

export interface OrganisationSpec {
  readonly kind: OrgKind
  /** Full name as printed in the title block, e.g. องค์การบริหารส่วนตำบลบ้านนา. */
  readonly name: string
  /** Short form used in prose, e.g. อบต.บ้านนา. */
  readonly shortName: string
  /** Without the อำเภอ prefix; null for agencies whose reports print no district (v7 kinds). */
  readonly district: string | null
  /** Without the จังหวัด prefix; null where the report prints no province. */
  readonly province: string | null
  /** The body an agency belongs to, printed under its name (a university, a ministry): v7 kinds only. */
  readonly parent?: string
}

export interface ItemSpec {
  readonly code: string
  readonly title: string
  /** As printed in the detail list. */
  readonly score: number
}

/** The indicator score as printed in each section; they may disagree. */
export interface IndicatorScores {
  readonly summary: number
  readonly detail: number
  readonly analysis: number
  /** Printed in measures-table titles by the templates that name the score there. */
  readonly measures: number
}

export interface IndicatorSpec {
  readonly number: number
  readonly name: string
  readonly tool: Tool
  readonly scores: IndicatorScores
  readonly items: readonly ItemSpec[]
  /** Per-indicator analysis prose, one paragraph. */
  readonly analysis: string
}

/** A date as printed: Buddhist Era year. Periods are whole months (day 1 to the month's last day). */
export interface PrintedDate {
  readonly day: number
  readonly month: number
  readonly yearBE: number
}

export interface MeasureSpec {
  /** Canonical code of the item improved. */
  readonly item: string
  readonly itemTitle: string
  /** The item score printed in the measures table (may differ from the detail list). */
  readonly itemScore: number
  /** The indicator number printed with the table (may not be the item's indicator). */
  readonly printedIndicator: number
  readonly actions: readonly string[]
  readonly analysis: string
  readonly steps: readonly string[]
  readonly period: { readonly from: PrintedDate; readonly to: PrintedDate }
  readonly responsible: readonly string[]
  /** What to follow up (printed only by templates with a follow-up column). */
  readonly followUp: string
}

export interface ReportSpec {
  readonly seed: number
  readonly catalogueYear: number
  readonly fiscalYear: number
  readonly organisation: OrganisationSpec
  /** Printed total. */
  readonly total: number
  readonly level: 'ผ่าน' | 'ไม่ผ่าน'
  readonly previous: { readonly year: number; readonly score: number; readonly difference: number }
  /** Printed tool scores, in catalogue order. */
  readonly tools: readonly { readonly tool: Tool; readonly score: number }[]
  readonly indicators: readonly IndicatorSpec[]
  readonly overallRemarks: readonly string[]
  /** In catalogue order of their items. */
  readonly measures: readonly MeasureSpec[]
  /** Who signs the report and when (printed by templates with a signature block). */
  readonly signature: { readonly name: string; readonly position: string; readonly date: PrintedDate }
  /** The contradictions injected, in words (for people reading spec.json). */
  readonly contradictions: readonly string[]
}

/** Probability of each injected contradiction in one report. */
export const CONTRADICTION_ODDS = {
  summaryVsDetail: 0.35,
  analysisVsDetail: 0.2,
  wrongTool: 0.25,
  wrongTotal: 0.2,
  measureItemScore: 0.3,
  wrongPrintedIndicator: 0.2,
  periodOutsidePlanYear: 0.2,
  previousYearMislabelled: 0.2,
  wrongDifference: 0.1,
} as const

/**
 * The pass wording the templates print. 85 is the usual wording, not a confirmed threshold (the
 * checker does not judge ผ่าน / ไม่ผ่าน from 2566 on: docs/catalogues.md).
 */
const passWording = (total: number): ReportSpec['level'] => (total >= 85 ? 'ผ่าน' : 'ไม่ผ่าน')

/** What a template asks of the content: the kind of agency (`local`: the draw every template before v7 has). */
export interface ContentChoice {
  readonly agency?: 'local' | V7OrgKind | V8OrgKind | V9OrgKind | V10OrgKind | V11OrgKind | V12OrgKind | V13OrgKind | V14OrgKind | V15OrgKind | V16OrgKind | V17OrgKind
}

const V17_KINDS: readonly string[] = ['disaster-prevention', 'agriculture-office', 'probation-office'] satisfies readonly V17OrgKind[]
const isV17 = (kind: string): kind is V17OrgKind => V17_KINDS.includes(kind)

const V16_KINDS: readonly string[] = ['military-welfare', 'southern-tambon', 'social-development'] satisfies readonly V16OrgKind[]
const isV16 = (kind: string): kind is V16OrgKind => V16_KINDS.includes(kind)

const V15_KINDS: readonly string[] = ['bangkok-district', 'revenue-area', 'education-area'] satisfies readonly V15OrgKind[]
const isV15 = (kind: string): kind is V15OrgKind => V15_KINDS.includes(kind)

const V14_KINDS: readonly string[] = ['customs-checkpoint', 'community-college', 'waterworks-region'] satisfies readonly V14OrgKind[]
const isV14 = (kind: string): kind is V14OrgKind => V14_KINDS.includes(kind)

const V13_KINDS: readonly string[] = ['prison', 'provincial-health', 'irrigation-project', 'city-municipality'] satisfies readonly V13OrgKind[]
const isV13 = (kind: string): kind is V13OrgKind => V13_KINDS.includes(kind)

const V12_KINDS: readonly string[] = ['pea-branch', 'national-park', 'consular', 'vocational-college', 'district-office'] satisfies readonly V12OrgKind[]
const isV12 = (kind: string): kind is V12OrgKind => V12_KINDS.includes(kind)

const V11_KINDS: readonly string[] = ['police-training', 'national-museum', 'land-office', 'dms-hospital'] satisfies readonly V11OrgKind[]
const isV11 = (kind: string): kind is V11OrgKind => V11_KINDS.includes(kind)

const V10_KINDS: readonly string[] = ['public-organisation', 'rajabhat', 'health-promoting'] satisfies readonly V10OrgKind[]
const isV10 = (kind: string): kind is V10OrgKind => V10_KINDS.includes(kind)

const V9_KINDS: readonly string[] = ['court', 'university-hospital', 'enterprise-branch', 'department-province'] satisfies readonly V9OrgKind[]
const isV9 = (kind: string): kind is V9OrgKind => V9_KINDS.includes(kind)

const V8_KINDS: readonly string[] = ['school', 'police-station', 'pao'] satisfies readonly V8OrgKind[]
const isV8 = (kind: string): kind is V8OrgKind => V8_KINDS.includes(kind)

export function randomReportSpec(seed: number, fiscalYear = 2568, content: ContentChoice = {}): ReportSpec {
  const random = seededRandom(seed)
  const catalogue = loadCatalogue(fiscalYear)
  const organisation = randomOrganisation(random)
  const indicators = catalogue.indicators.map((ind) => randomIndicator(random, catalogue, ind.number, organisation))
  const tools = toolMeans(catalogue, indicators.map((i) => [i.number, i.scores.summary]))
  const exactTotal = catalogue.tools.reduce((sum, t) => sum + t.weight * tools.get(t.tool)!, 0)
  const total = random.chance(0.5) ? round2(exactTotal) : trunc2(exactTotal)
  let previousScore = random.score(70, 98)
  while (Math.abs(total - previousScore) < 0.01) previousScore = random.score(70, 98)
  const base: ReportSpec = {
    seed,
    catalogueYear: catalogue.itemList?.fiscalYear ?? fiscalYear,
    fiscalYear,
    organisation,
    total,
    level: passWording(total),
    previous: { year: fiscalYear - 1, score: previousScore, difference: round2(total - previousScore) },
    tools: catalogue.tools.map((t) => ({ tool: t.tool, score: round2(tools.get(t.tool)!) })),
    indicators,
    overallRemarks: random.sample(OVERALL_REMARKS, random.int(1, 2)),
    measures: randomMeasures(random, catalogue, indicators, organisation, fiscalYear),
    // From a stream of its own, so adding it left the other draws of a seed as they were.
    signature: randomSignature(seededRandom(subSeed(seed, 'signature')), organisation, fiscalYear),
    contradictions: [],
  }
  const agency = content.agency ?? 'local'
  const drawn =
    agency === 'local' ? base
    : isV8(agency) ? v8Content(base, agency, seededRandom(subSeed(seed, `v8-content:${agency}`)))
    : isV9(agency) ? v9Content(base, agency, seededRandom(subSeed(seed, `v9-content:${agency}`)))
    : isV10(agency) ? v10Content(base, agency, seededRandom(subSeed(seed, `v10-content:${agency}`)))
    : isV11(agency) ? v11Content(base, agency, seededRandom(subSeed(seed, `v11-content:${agency}`)))
    : isV12(agency) ? v12Content(base, agency, seededRandom(subSeed(seed, `v12-content:${agency}`)))
    : isV13(agency) ? v13Content(base, agency, seededRandom(subSeed(seed, `v13-content:${agency}`)))
    : isV14(agency) ? v14Content(base, agency, seededRandom(subSeed(seed, `v14-content:${agency}`)))
    : isV15(agency) ? v15Content(base, agency, seededRandom(subSeed(seed, `v15-content:${agency}`)))
    : isV16(agency) ? v16Content(base, agency, seededRandom(subSeed(seed, `v16-content:${agency}`)))
    : isV17(agency) ? v17Content(base, agency, seededRandom(subSeed(seed, `v17-content:${agency}`)))
    : v7Content(base, agency, seededRandom(subSeed(seed, `v7-content:${agency}`)))
  return injectContradictions(random, drawn)
}

/**
 * Another kind of agency (v17): a provincial office of a กรม (disaster prevention, agricultural extension,
 * probation), named after its province and printed with its กรม, with the v17 pools; drawn from a stream of its
 * own, as v16Content. Its periods are the plan year, its halves or its quarters (v7Period).
 */
function v17Content(spec: ReportSpec, kind: V17OrgKind, random: Random): ReportSpec {
  const province = random.pick(V17_PROVINCES[kind])
  const prefix = ORG_PREFIX[kind]
  const organisation: OrganisationSpec = { kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province: null, parent: V17_PARENTS[kind] }
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V17_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V17_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V17_MEASURE_ANALYSES),
    steps: random.sample(V17_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อหัวหน้าส่วนราชการทุกไตรมาส', 'ติดตามในการประชุมประจำเดือนของหน่วยงาน', 'รายงานกรมเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V17_HEADS[kind].replace('{name}', province) }
  return { ...spec, organisation, indicators, measures, signature }
}

/** A v16 agency's name, and the local part its head's position takes. */
function v16Organisation(random: Random, kind: V16OrgKind): [OrganisationSpec, string] {
  const prefix = ORG_PREFIX[kind]
  if (kind === 'military-welfare') {
    const [unit, parent] = random.pick(MILITARY_UNITS)
    return [{ kind, name: `${prefix.full}${unit}`, shortName: `${prefix.short}${unit}`, district: null, province: null, parent }, unit]
  }
  if (kind === 'southern-tambon') {
    const [tambon, district, province] = random.pick(SOUTHERN_TAMBONS)
    return [{ kind, name: `${prefix.full}${tambon}`, shortName: `${prefix.short}${tambon}`, district, province }, tambon]
  }
  // Named after its province with the word จังหวัด (สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดน่าน): the name
  // prints the province, as v13's provincial offices' do, so the truth has it.
  const province = random.pick(SOCIAL_PROVINCES)
  return [{ kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province, parent: V16_PARENTS[kind] }, province]
}

/**
 * Another kind of agency (v16): a military unit's welfare office, a Tambon municipality in the south, a
 * provincial social development office, with the v16 pools; drawn from a stream of its own, as v15Content.
 */
function v16Content(spec: ReportSpec, kind: V16OrgKind, random: Random): ReportSpec {
  const [organisation, local] = v16Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V16_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V16_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V16_MEASURE_ANALYSES),
    steps: random.sample(V16_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บังคับบัญชาทุกไตรมาส', 'ติดตามผลในการประชุมประจำเดือน', 'สรุปผลเมื่อสิ้นปีงบประมาณ']),
  }))
  // An officer signs with his rank (พันโท) in place of นาย.
  const name = kind === 'military-welfare' ? `พันโท ${spec.signature.name.replace(/^(นางสาว|นาง|นาย)/, '')}` : spec.signature.name
  const signature = { ...spec.signature, name, position: V16_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/**
 * Another kind of agency (v15): a Bangkok district office, an area revenue office, a primary educational
 * service area office, with the v15 pools; drawn from a stream of its own, as v14Content.
 */
function v15Content(spec: ReportSpec, kind: V15OrgKind, random: Random): ReportSpec {
  const prefix = ORG_PREFIX[kind]
  const local =
    kind === 'bangkok-district' ? random.pick(BANGKOK_DISTRICTS)
    : kind === 'revenue-area' ? random.pick(REVENUE_AREAS)
    : `${random.pick(EDUCATION_PROVINCES)} เขต ${random.int(1, 4)}`
  const organisation: OrganisationSpec = { kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district: null, province: null, parent: V15_PARENTS[kind] }
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V15_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V15_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V15_MEASURE_ANALYSES),
    steps: random.sample(V15_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บริหารทุกไตรมาส', 'ติดตามผลในการประชุมประจำเดือน', 'สรุปผลเสนอผู้บริหารเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V15_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/**
 * Another kind of agency (v14): a customs checkpoint, a community college, a waterworks authority's
 * regional office, with the v14 pools; drawn from a stream of its own, as v13Content. Periods are
 * whole months within the plan year (v7Period).
 */
function v14Content(spec: ReportSpec, kind: V14OrgKind, random: Random): ReportSpec {
  const prefix = ORG_PREFIX[kind]
  // Each printed with the body it belongs to under its name, no province (a region spans several).
  const local = kind === 'customs-checkpoint' ? random.pick(CUSTOMS_CHECKPOINTS) : kind === 'community-college' ? random.pick(COMMUNITY_COLLEGES) : String(random.int(1, 10))
  const organisation: OrganisationSpec = { kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district: null, province: null, parent: V14_PARENTS[kind] }
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V14_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V14_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V14_MEASURE_ANALYSES),
    steps: random.sample(V14_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บังคับบัญชาทุกไตรมาส', 'ติดตามผลในการประชุมคณะทำงานทุกเดือน', 'สรุปผลการดำเนินงานเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V14_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/**
 * Another kind of agency (v13): a provincial prison, a provincial public-health office, a Royal
 * Irrigation project office, a city municipality, with the v13 pools; drawn from a stream of its own,
 * as v12Content. Periods are whole fiscal quarters (v7Period).
 */
function v13Content(spec: ReportSpec, kind: V13OrgKind, random: Random): ReportSpec {
  const [organisation, local] = v13Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V13_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V13_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V13_MEASURE_ANALYSES),
    steps: random.sample(V13_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บริหารทุกไตรมาส', 'ติดตามผลในการประชุมคณะทำงานประจำเดือน', 'สรุปผลการดำเนินงานเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V13_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/** A v13 agency and its own part of its name. */
function v13Organisation(random: Random, kind: V13OrgKind): [OrganisationSpec, string] {
  const prefix = ORG_PREFIX[kind]
  if (kind === 'city-municipality') {
    // Named after its city, printed with its district and province (เทศบาลนครขอนแก่น อำเภอเมืองขอนแก่น จังหวัดขอนแก่น).
    const [city, district, province] = random.pick(CITY_MUNICIPALITIES)
    return [{ kind, name: `${prefix.full}${city}`, shortName: `${prefix.short}${city}`, district, province }, city]
  }
  // Named after their province, printed with the body they belong to. An irrigation project's name
  // does not say จังหวัด (โครงการชลประทานชัยนาท): no province is printed, as for v11's and v12's
  // agencies named after a place.
  const province = random.pick(V13_PROVINCES)
  const printedProvince = kind === 'irrigation-project' ? null : province
  return [{ kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province: printedProvince, parent: V13_PARENTS[kind] }, province]
}

/**
 * Another kind of agency (v12): a PEA branch office, a national park, an embassy's consular section,
 * a technical college, a district office, with the v12 pools; drawn from a stream of its own, as v11Content.
 */
function v12Content(spec: ReportSpec, kind: V12OrgKind, random: Random): ReportSpec {
  const [organisation, local] = v12Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V12_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V12_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V12_MEASURE_ANALYSES),
    steps: random.sample(V12_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บริหารทุกไตรมาส', 'ติดตามผลในการประชุมประจำเดือน', 'สรุปผลการดำเนินงานเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V12_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/** A v12 agency and its own part of its name. */
function v12Organisation(random: Random, kind: V12OrgKind): [OrganisationSpec, string] {
  const prefix = ORG_PREFIX[kind]
  const parent = V12_PARENTS[kind]
  switch (kind) {
    case 'pea-branch':
    case 'district-office': {
      // Named after their district, printed with its province (การไฟฟ้าส่วนภูมิภาคอำเภอชุมแพ จังหวัดขอนแก่น).
      const [district, province] = random.pick(DISTRICTS.filter(([d]) => !d.startsWith('เมือง')))
      return [{ kind, name: `${prefix.full}${district}`, shortName: `${prefix.short}${district}`, district, province }, district]
    }
    case 'national-park': {
      // Printed with its department above, no province (the title's place line is the parent).
      const [park] = random.pick(NATIONAL_PARKS)
      return [{ kind, name: `${prefix.full}${park}`, shortName: `${prefix.short}${park}`, district: null, province: null, parent }, park]
    }
    case 'consular': {
      const city = random.pick(EMBASSY_CITIES)
      return [{ kind, name: `${prefix.full}${city}`, shortName: `${prefix.short}${city}`, district: null, province: null, parent }, city]
    }
    case 'vocational-college': {
      const [town] = random.pick(COLLEGE_TOWNS)
      return [{ kind, name: `${prefix.full}${town}`, shortName: `${prefix.short}${town}`, district: null, province: null, parent }, town]
    }
  }
}

/**
 * Another kind of agency (v11): a police training centre, a national museum, a land office branch,
 * a hospital under กรมการแพทย์, with the v11 pools; drawn from a stream of its own, as v10Content.
 */
function v11Content(spec: ReportSpec, kind: V11OrgKind, random: Random): ReportSpec {
  const [organisation, local] = v11Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V11_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V11_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V11_MEASURE_ANALYSES),
    steps: random.sample(V11_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บังคับบัญชาทุกไตรมาส', 'ติดตามผลในการประชุมคณะทำงาน', 'สรุปผลเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V11_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/** A v11 agency and its own part of its name. */
function v11Organisation(random: Random, kind: V11OrgKind): [OrganisationSpec, string] {
  const prefix = ORG_PREFIX[kind]
  switch (kind) {
    case 'police-training': {
      // Named by its police region's number (ศูนย์ฝึกอบรมตำรวจภูธรภาค 4), printed with its command above it.
      const region = String(random.int(1, 9))
      return [{ kind, name: `${prefix.full}${region}`, shortName: `${prefix.short}${region}`, district: null, province: null, parent: V11_PARENTS[kind] }, region]
    }
    case 'national-museum': {
      const [town] = random.pick(MUSEUM_TOWNS)
      return [{ kind, name: `${prefix.full}${town}`, shortName: `${prefix.short}${town}`, district: null, province: null, parent: V11_PARENTS[kind] }, town]
    }
    case 'land-office': {
      // A branch: the province's office, the branch named after its district (สำนักงานที่ดินจังหวัดขอนแก่น สาขาชุมแพ).
      const [district, province] = random.pick(DISTRICTS.filter(([d]) => !d.startsWith('เมือง')))
      const local = `${province} สาขา${district}`
      return [{ kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district, province }, local]
    }
    case 'dms-hospital': {
      const local = random.pick(DMS_HOSPITALS)
      return [{ kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district: null, province: null, parent: V11_PARENTS[kind] }, local]
    }
  }
}

/**
 * Another kind of agency (v10): a public organisation, a Rajabhat university, a sub-district health
 * promoting hospital, with the v10 pools; drawn from a stream of its own, as v9Content.
 */
function v10Content(spec: ReportSpec, kind: V10OrgKind, random: Random): ReportSpec {
  const [organisation, local] = v10Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V10_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V10_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V10_MEASURE_ANALYSES),
    steps: random.sample(V10_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บริหารทุกไตรมาส', 'ติดตามผลในการประชุมประจำเดือน', 'ประเมินผลเมื่อสิ้นปีงบประมาณ']),
  }))
  const signature = { ...spec.signature, position: V10_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

/** A v10 agency and its own part of its name. */
function v10Organisation(random: Random, kind: V10OrgKind): [OrganisationSpec, string] {
  const prefix = ORG_PREFIX[kind]
  switch (kind) {
    case 'public-organisation': {
      // Printed with (องค์การมหาชน) after its name and its ministry under it; no district or province.
      const [local, ministry] = random.pick(PUBLIC_ORGANISATIONS)
      return [{ kind, name: `${prefix.full}${local} (องค์การมหาชน)`, shortName: 'สำนักงาน', district: null, province: null, parent: `หน่วยงานในกำกับของ${ministry}` }, local]
    }
    case 'rajabhat': {
      // Named after its province (as most are) and printed with it only.
      const [, province] = random.pick(DISTRICTS)
      return [{ kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province }, province]
    }
    case 'health-promoting': {
      const local = random.pick(PLACE_NAMES)
      const [district, province] = random.pick(DISTRICTS)
      return [{ kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district, province }, local]
    }
  }
}

/**
 * Another kind of agency (v9): a provincial court, a university hospital, a waterworks branch, a
 * provincial community-development office, with the v9 pools; drawn from a stream of its own, as
 * v7Content and v8Content, so the scores are the seed's ordinary draw.
 */
function v9Content(spec: ReportSpec, kind: V9OrgKind, random: Random): ReportSpec {
  const organisation = v9Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V9_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V9_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V9_MEASURE_ANALYSES),
    steps: random.sample(V9_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อหัวหน้าหน่วยงานทุกไตรมาส', 'ติดตามในการประชุมคณะทำงานทุกเดือน', 'สรุปผลเมื่อสิ้นปีงบประมาณ']),
  }))
  const local = organisation.name.slice(ORG_PREFIX[kind].full.length)
  const signature = { ...spec.signature, position: V9_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

function v9Organisation(random: Random, kind: V9OrgKind): OrganisationSpec {
  const prefix = ORG_PREFIX[kind]
  const named = (local: string) => ({ kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}` })
  switch (kind) {
    case 'court': {
      // Named after its town, printed with its province only.
      const town = random.pick(TOWN_NAMES)
      const province = DISTRICTS.find(([d]) => d === town)![1]
      return { ...named(town), district: null, province }
    }
    case 'university-hospital': {
      const university = random.pick(HOSPITAL_UNIVERSITIES)
      return { ...named(university), district: null, province: null, parent: `มหาวิทยาลัย${university}` }
    }
    case 'enterprise-branch': {
      const [district, province] = random.pick(DISTRICTS.filter(([d]) => !d.startsWith('เมือง')))
      return { ...named(district), district, province }
    }
    case 'department-province': {
      const [, province] = random.pick(DISTRICTS)
      return { ...named(province), district: null, province, parent: 'กรมการพัฒนาชุมชน กระทรวงมหาดไทย' }
    }
  }
}

/**
 * Another kind of agency (v8): a school, a police station, a provincial administration, with the v8
 * pools; drawn from a stream of its own, as v7Content, so the scores are the seed's ordinary draw.
 */
function v8Content(spec: ReportSpec, kind: V8OrgKind, random: Random): ReportSpec {
  const organisation = v8Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V8_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V8_ACTIONS[toolOf(m.item)], random.int(1, 3)),
    analysis: random.pick(V8_MEASURE_ANALYSES),
    steps: random.sample(V8_STEPS, random.int(2, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อผู้บังคับบัญชาทุกเดือน', 'ติดตามผลในการประชุมประจำเดือน', 'สรุปผลเมื่อสิ้นภาคเรียนหรือสิ้นปีงบประมาณ']),
  }))
  const local = organisation.name.slice(ORG_PREFIX[kind].full.length)
  const signature = { ...spec.signature, position: V8_HEADS[kind].replace('{name}', local) }
  return { ...spec, organisation, indicators, measures, signature }
}

function v8Organisation(random: Random, kind: V8OrgKind): OrganisationSpec {
  const prefix = ORG_PREFIX[kind]
  const [district, province] = random.pick(DISTRICTS)
  switch (kind) {
    case 'school': {
      // A village school under its tambon's name, sometimes with วิทยา after it; its district and province printed.
      const local = `${random.pick(PLACE_NAMES)}${random.chance(0.4) ? 'วิทยา' : ''}`
      return { kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district, province }
    }
    case 'police-station':
      // Named after its district, printed with its province only.
      return { kind, name: `${prefix.full}${district}`, shortName: `${prefix.short}${district}`, district: null, province }
    case 'pao':
      return { kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province }
  }
}

/**
 * Another kind of agency (v7): its name, units, measures, steps, analysis prose and periods from the
 * v7 pools, drawn from a stream of their own so the scores (and the contradictions injected after)
 * are those of the seed's ordinary draw.
 */
function v7Content(spec: ReportSpec, kind: V7OrgKind, random: Random): ReportSpec {
  const organisation = v7Organisation(random, kind)
  const indicators = spec.indicators.map((ind) => ({
    ...ind,
    analysis: random.pick(V7_ANALYSES).replaceAll('{name}', ind.name).replaceAll('{org}', organisation.shortName),
  }))
  const toolOf = (code: string): Tool => (code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT')
  const measures = spec.measures.map((m) => ({
    ...m,
    actions: random.sample(V7_ACTIONS[toolOf(m.item)], random.int(1, 2)),
    analysis: random.pick(V7_MEASURE_ANALYSES),
    steps: random.sample(V7_STEPS, random.int(3, 5)),
    period: v7Period(random, spec.fiscalYear),
    responsible: random.sample(UNITS[kind], random.int(1, 3)),
    followUp: random.pick(['รายงานผลต่อคณะกรรมการบริหารทุกไตรมาส', 'ติดตามผลในการประชุมผู้บริหารประจำเดือน', 'สรุปผลการดำเนินงานเมื่อสิ้นปีงบประมาณ']),
  }))
  const local = organisation.name.slice(ORG_PREFIX[kind].full.length)
  const signature = { ...spec.signature, position: V7_HEADS[kind].replace('{name}', kind === 'province-office' ? organisation.province! : local) }
  return { ...spec, organisation, indicators, measures, signature }
}

function v7Organisation(random: Random, kind: V7OrgKind): OrganisationSpec {
  const prefix = ORG_PREFIX[kind]
  switch (kind) {
    case 'faculty': {
      const faculty = random.pick(FACULTIES)
      return { kind, name: `${prefix.full}${faculty}`, shortName: `${prefix.short}${faculty}`, district: null, province: null, parent: random.pick(UNIVERSITIES) }
    }
    case 'department': {
      const [name, ministry] = random.pick(DEPARTMENTS)
      return { kind, name: `${prefix.full}${name}`, shortName: `${prefix.short}${name}`, district: null, province: null, parent: ministry }
    }
    case 'state-enterprise': {
      const [name, ministry] = random.pick(STATE_ENTERPRISES)
      return { kind, name: `${prefix.full}${name}`, shortName: `${prefix.short}${name}`, district: null, province: null, parent: `รัฐวิสาหกิจในสังกัด${ministry}` }
    }
    case 'province-office': {
      const [, province] = random.pick(DISTRICTS)
      return { kind, name: `${prefix.full}${province}`, shortName: `${prefix.short}${province}`, district: null, province, parent: 'สำนักงานปลัดกระทรวงมหาดไทย' }
    }
  }
}

/** v7 periods: the plan year, one of its halves, or quarters of it (fiscal months from October). */
function v7Period(random: Random, fiscalYear: number): MeasureSpec['period'] {
  const [start, end] = random.pick([[0, 11], [0, 11], [0, 5], [6, 11], [0, 2], [3, 5], [6, 8], [9, 11], [3, 8], [3, 11]] as const)
  const at = (i: number) => ({ month: ((9 + i) % 12) + 1, year: i < 3 ? fiscalYear : fiscalYear + 1 })
  return monthsPeriod(at(start).year, at(start).month, at(end).year, at(end).month)
}

function randomOrganisation(random: Random): OrganisationSpec {
  const kind = random.pick<OrgKind>(['sao', 'sao', 'subdistrict-municipality', 'subdistrict-municipality', 'town-municipality', 'hospital', 'office'])
  const [district, province] = random.pick(kind === 'sao' || kind === 'subdistrict-municipality' ? DISTRICTS : DISTRICTS.filter(([d]) => !d.startsWith('เมือง')))
  const local = kind === 'sao' || kind === 'subdistrict-municipality' ? random.pick(PLACE_NAMES) : district
  const prefix = ORG_PREFIX[kind]
  return { kind, name: `${prefix.full}${local}`, shortName: `${prefix.short}${local}`, district, province }
}

function randomSignature(random: Random, org: OrganisationSpec, fiscalYear: number): ReportSpec['signature'] {
  const local = org.name.slice(ORG_PREFIX[org.kind].full.length)
  const position: Record<OrgKind, string> = {
    ...V7_HEADS, // never drawn here: v7, v8 and v9 kinds replace the signature's position (v7Content, v8Content, v9Content)
    ...V8_HEADS,
    ...V9_HEADS,
    ...V10_HEADS,
    ...V11_HEADS,
    ...V12_HEADS,
    ...V13_HEADS,
    ...V14_HEADS,
    ...V15_HEADS,
    ...V16_HEADS,
    ...V17_HEADS,
    sao: `นายกองค์การบริหารส่วนตำบล${local}`,
    'subdistrict-municipality': `นายกเทศมนตรีตำบล${local}`,
    'town-municipality': `นายกเทศมนตรีเมือง${local}`,
    hospital: `ผู้อำนวยการโรงพยาบาล${local}`,
    office: `สาธารณสุขอำเภอ${local}`,
  }
  return { name: random.pick(SIGNATORIES), position: position[org.kind], date: { day: random.int(1, 28), month: random.pick([10, 11]), yearBE: fiscalYear } }
}

function randomIndicator(random: Random, catalogue: Catalogue, number: number, org: OrganisationSpec): IndicatorSpec {
  const tool = catalogue.toolOf(number)
  const name = catalogue.indicators.find((i) => i.number === number)!.name
  // Each indicator has its own level, so some are clearly weaker than others.
  const floor = random.int(60, 90)
  const items = catalogue.itemsOf(number).map((c) => ({
    code: c.code,
    title: c.title,
    score: tool === 'OIT' ? (random.chance(0.18) ? 0 : 100) : random.score(floor, 100),
  }))
  const score = round2(items.reduce((sum, i) => sum + i.score, 0) / items.length)
  const analysis = [random.pick(ANALYSIS_OPENINGS), random.pick(ANALYSIS_BODIES), random.pick(ANALYSIS_CLOSINGS)]
    .filter(Boolean)
    .join(' ')
    .replaceAll('{name}', name)
    .replaceAll('{org}', org.shortName)
  return { number, name, tool, scores: { summary: score, detail: score, analysis: score, measures: score }, items, analysis }
}

function toolMeans(catalogue: Catalogue, scores: readonly (readonly [number, number])[]): Map<Tool, number> {
  const byNumber = new Map(scores)
  return new Map(
    catalogue.tools.map((t) => [t.tool, t.indicators.reduce((sum, n) => sum + byNumber.get(n)!, 0) / t.indicators.length]),
  )
}

function randomMeasures(random: Random, catalogue: Catalogue, indicators: readonly IndicatorSpec[], org: OrganisationSpec, fiscalYear: number): MeasureSpec[] {
  const count = random.int(3, 10)
  const chosen = random.sample(catalogue.items, count).sort((a, b) => catalogue.items.indexOf(a) - catalogue.items.indexOf(b))
  return chosen.map((c) => {
    const printed = indicators.find((i) => i.number === c.indicator)!.items.find((i) => i.code === c.code)!
    return {
      item: c.code,
      itemTitle: c.title,
      itemScore: printed.score,
      printedIndicator: c.indicator,
      actions: random.sample(ACTIONS[c.tool], random.int(1, 3)),
      analysis: random.pick(MEASURE_ANALYSES),
      steps: random.sample(STEPS, random.int(2, 6)),
      period: randomPlanPeriod(random, fiscalYear),
      responsible: random.sample(UNITS[org.kind], random.int(1, 4)),
      followUp: random.pick(['รายงานผลต่อผู้บริหารทุกไตรมาส', 'ติดตามผลทุกรอบหกเดือน', 'ประเมินผลเมื่อสิ้นปีงบประมาณ']),
    }
  })
}

/** Mostly the whole next fiscal year; sometimes a run of months inside it. */
function randomPlanPeriod(random: Random, fiscalYear: number): MeasureSpec['period'] {
  if (random.chance(0.7)) return monthsPeriod(fiscalYear, 10, fiscalYear + 1, 9)
  const startIndex = random.int(0, 8) // months from October
  const endIndex = random.int(startIndex + 2, 11)
  const at = (i: number) => ({ month: ((9 + i) % 12) + 1, year: i < 3 ? fiscalYear : fiscalYear + 1 })
  const from = at(startIndex)
  const to = at(endIndex)
  return monthsPeriod(from.year, from.month, to.year, to.month)
}

function monthsPeriod(fromYear: number, fromMonth: number, toYear: number, toMonth: number): MeasureSpec['period'] {
  return {
    from: { day: 1, month: fromMonth, yearBE: fromYear },
    to: { day: new Date(Date.UTC(toYear - 543, toMonth, 0)).getUTCDate(), month: toMonth, yearBE: toYear },
  }
}

function injectContradictions(random: Random, spec: ReportSpec): ReportSpec {
  const odds = CONTRADICTION_ODDS
  const said: string[] = []
  const indicators = spec.indicators.map((i) => ({ ...i, scores: { ...i.scores } }))
  const measures = spec.measures.map((m) => ({ ...m }))
  const tools = spec.tools.map((t) => ({ ...t }))
  const previous = { ...spec.previous }
  const out = { total: spec.total, level: spec.level, fiscalYear: spec.fiscalYear }
  const nudge = () => random.pick([-1, 1]) * random.pick([0.01, 0.1, 0.33, 1, 1.5, 2.04])
  const off = (x: number) => {
    const y = round2(x + nudge())
    return y < 0 || y > 100 ? round2(x - 1.11) : y
  }

  if (random.chance(odds.summaryVsDetail)) {
    const ind = random.pick(indicators)
    ind.scores.summary = off(ind.scores.detail)
    said.push(`indicator ${ind.number}: summary ${ind.scores.summary} vs detail ${ind.scores.detail}`)
  }
  if (random.chance(odds.analysisVsDetail)) {
    const ind = random.pick(indicators)
    ind.scores.analysis = off(ind.scores.detail)
    said.push(`indicator ${ind.number}: analysis ${ind.scores.analysis} vs detail ${ind.scores.detail}`)
  }
  if (random.chance(odds.wrongTool)) {
    const tool = random.pick(tools)
    const was = tool.score
    tool.score = off(was)
    said.push(`${tool.tool} printed ${tool.score} instead of ${was}`)
  }
  if (random.chance(odds.wrongTotal)) {
    const was = out.total
    out.total = round2(was + random.pick([-1, 1]) * random.pick([0.05, 0.5, 1.2, 3]))
    previous.difference = round2(out.total - previous.score)
    out.level = passWording(out.total)
    said.push(`total printed ${out.total} instead of ${was}`)
  }
  if (measures.length > 0 && random.chance(odds.measureItemScore)) {
    const m = random.pick(measures)
    const was = m.itemScore
    m.itemScore = m.item.startsWith('o') ? (was === 100 ? 0 : 100) : off(was)
    said.push(`measure ${m.item}: item score ${m.itemScore} vs detail ${was}`)
  }
  if (measures.length > 0 && random.chance(odds.wrongPrintedIndicator)) {
    const m = random.pick(measures)
    const own = m.printedIndicator
    const other = random.pick(indicators.filter((i) => i.number !== own)).number
    // The whole table is headed with the wrong number: every measure of that indicator.
    for (const x of measures) if (x.printedIndicator === own) x.printedIndicator = other
    said.push(`measures table for indicator ${own} headed indicator ${other}`)
  }
  if (measures.length > 0 && random.chance(odds.periodOutsidePlanYear)) {
    const m = random.pick(measures)
    const fy = out.fiscalYear
    m.period = random.chance(0.5)
      ? monthsPeriod(fy - 4, 10, fy - 3, 9) // left over from an older report
      : monthsPeriod(fy, 10, fy + 1, 12) // runs past the plan year
    said.push(`measure ${m.item}: period ${m.period.from.yearBE}-${m.period.from.month} to ${m.period.to.yearBE}-${m.period.to.month}`)
  }
  if (random.chance(odds.previousYearMislabelled)) {
    previous.year = out.fiscalYear
    said.push(`previous year labelled ${out.fiscalYear}`)
  }
  if (random.chance(odds.wrongDifference)) {
    const sign = Math.sign(previous.difference)
    previous.difference = round2(previous.difference + sign * random.pick([0.1, 0.5, 1]))
    said.push(`difference from last year printed ${previous.difference}`)
  }
  return { ...spec, ...out, previous, indicators, measures, tools, contradictions: said }
}

/** Half up to two decimals, immune to binary noise (as the checker's round2). */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100
}

/** Half up to one decimal (v8 scores in prose), immune to binary noise like round2. */
export function round1(x: number): number {
  return Math.round(Number((x * 10).toPrecision(12))) / 10
}

export function trunc2(x: number): number {
  return Math.trunc(Number((x * 100).toPrecision(12))) / 100
}

/** ISO (CE) date of a printed date. */
export function isoDate(d: PrintedDate): string {
  return `${d.yearBE - 543}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
}
