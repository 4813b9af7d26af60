/**
 * Native `tesseract -l tha+eng` full-page OCR of page images, timed: the peer the OCR benchmarks
 * compare against (bench-ocr.ts, bench-ocr-samples.ts). Only for benchmarks; never on the main path.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PQueue from 'p-queue'
import type { PageImage } from '../src/model/page-image.js'

/** How native tesseract is run: processes at once, and their environment (e.g. OMP_THREAD_LIMIT). */
export interface NativeRun {
  readonly processes: number
  readonly env: Record<string, string>
}

export function hasNativeTesseract(): Promise<boolean> {
  return run('tesseract', ['--version'], {}).then(
    () => true,
    () => false,
  )
}

/** Seconds native tesseract takes for all the images, once per run in `runs` (images written once). */
export async function timeNativeTesseract(images: readonly PageImage[], runs: readonly NativeRun[]): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-native-tesseract-'))
  try {
    const paths = images.map((image, i) => {
      const path = join(dir, `p${i}.${image.mime === 'image/jpeg' ? 'jpg' : 'png'}`)
      writeFileSync(path, image.image)
      return path
    })
    const dpi = String(images[0]?.dpi ?? 300)
    const seconds: number[] = []
    for (const { processes, env } of runs) {
      const queue = new PQueue({ concurrency: processes })
      const t0 = performance.now()
      await Promise.all(paths.map((p) => queue.add(() => run('tesseract', [p, '-', '-l', 'tha+eng', '--dpi', dpi], env))))
      seconds.push((performance.now() - t0) / 1000)
    }
    return seconds
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))))
  })
}
