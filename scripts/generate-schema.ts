/** Writes schemas/ita-report.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../src/_internal/package-root.js'
import { reportJsonSchema } from '../src/report/json-schema.js'

const path = join(packageRoot(), 'schemas', 'ita-report.schema.json')
writeFileSync(path, reportJsonSchema())
console.log(`wrote ${path}`)
