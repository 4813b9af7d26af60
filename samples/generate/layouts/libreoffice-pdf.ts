/**
 * A report typed in a word processor and saved as PDF: our .docx (render-docx.ts) exported by
 * headless LibreOffice Writer (Debian package libreoffice-writer-nogui; a generation-time tool,
 * the PDFs are committed). LibreOffice gets the template's font through a private fonts.conf
 * naming a folder with its @expo-google-fonts files next to the system's fonts (the TLWG faces
 * Debian installs), so what it embeds does not depend on the machine's user fonts.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { withFixedMetadata } from '../print-pdf.js'
import { resolveFontFile } from '../generate-samples.js'
import type { LayoutDoc } from './blocks.js'
import { produceDocx, type DocxOptions } from './render-docx.js'
import { FONTS, fontWeights, type FontChoice } from './render-html.js'
import { sofficeConvert } from './render-odt.js'
import type { Template } from './templates.js'

export async function produceLibreOfficePdf(doc: LayoutDoc, tpl: Template, seed: number, variant: string, docxOptions: DocxOptions = {}): Promise<Uint8Array> {
  const docx = produceDocx(doc, tpl, seed, docxOptions)
  const work = await mkdtemp(join(tmpdir(), 'ita-layouts-fonts-'))
  try {
    const fontsConf = await privateFonts(work, FONTS[tpl.choices.font]!)
    const pdf = await sofficeConvert(docx, 'report.docx', 'pdf', { env: { ...process.env, FONTCONFIG_FILE: fontsConf } })
    return await withFixedMetadata(pdf, {
      title: doc.title,
      subject: `ITA layout sample: template ${tpl.name}, seed ${seed}, ${variant}`,
      creator: 'ita-extract samples/generate/layouts (Writer document)',
      producer: 'ita-extract samples/generate/layouts (LibreOffice PDF export, pdf-lib)',
      date: new Date('2025-10-15T03:00:00Z'),
      idSeed: `${tpl.name}\n${seed}\n${variant}\n${createHash('sha256').update(docx).digest('hex')}`,
    })
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** A fonts.conf that adds the template's font files to the system's fonts. */
async function privateFonts(work: string, font: FontChoice): Promise<string> {
  const dir = join(work, 'fonts')
  await mkdir(dir)
  const require = createRequire(import.meta.url)
  for (const weight of fontWeights(font)) {
    const file = resolveFontFile(require, { package: font.package, filePrefix: font.filePrefix }, weight)
    await copyFile(file, join(dir, basename(file)))
  }
  const conf = join(work, 'fonts.conf')
  await writeFile(
    conf,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dir}</dir>
  <cachedir>${join(work, 'cache')}</cachedir>
</fontconfig>
`,
  )
  return conf
}
