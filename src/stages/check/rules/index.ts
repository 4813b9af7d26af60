/** Every consistency rule, in the order findings of equal severity are listed. */
import type { Rule } from '../rule.js'
import { indicatorNumberMismatch } from './indicator-number-mismatch.js'
import { indicatorScoreMismatch } from './indicator-score-mismatch.js'
import { indicatorScoreVsItems } from './indicator-score-vs-items.js'
import { itemScoreMismatch } from './item-score-mismatch.js'
import { missingIndicator } from './missing-indicator.js'
import { missingItem } from './missing-item.js'
import { passLevelMismatch } from './pass-level-mismatch.js'
import { periodOutsidePlanYear } from './period-outside-plan-year.js'
import { previousYearLabel } from './previous-year-label.js'
import { toolScoreMismatch } from './tool-score-mismatch.js'
import { totalScoreMismatch } from './total-score-mismatch.js'
import { unreadableValue } from './unreadable-value.js'

export const rules: readonly Rule[] = [
  totalScoreMismatch,
  toolScoreMismatch,
  indicatorScoreMismatch,
  indicatorScoreVsItems,
  itemScoreMismatch,
  indicatorNumberMismatch,
  periodOutsidePlanYear,
  previousYearLabel,
  passLevelMismatch,
  missingIndicator,
  missingItem,
  unreadableValue,
]

export type { RuleId } from '../../../report/schema.js'
