/** The HTML review of a checked report (`check --format html`, `convert --html`, `serve`). */
export { buildReview, type ReviewDocument, type UnreadableInput } from './build-review.js'
export { findReviewSource, reviewSource, type ReviewSource } from './source.js'
export { verdictOf, type Verdict } from './render-header.js'
