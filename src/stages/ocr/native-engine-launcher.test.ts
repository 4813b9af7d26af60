import { execFile } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { createLauncher } from './native-engine-launcher.js'

describe('createLauncher (processes started from a helper process)', () => {
  const launcher = createLauncher()
  afterAll(() => launcher.close())

  it('closes: the helper exits (and is waited for)', async () => {
    const other = createLauncher()
    await other.run('true', [], { timeoutMs: 10_000, env: {} })
    await other.close()
    await other.close()
  })

  it('keeps a process alive until the helper has exited on close', async () => {
    // A script whose only pending work is close(): it must print, not exit early (code 13).
    const url = new URL('./native-engine-launcher.ts', import.meta.url).href
    const script = `const { createLauncher } = await import(${JSON.stringify(url)}); const l = createLauncher(); await l.run('true', [], { timeoutMs: 10000, env: {} }); await l.close(); console.log('closed')`
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    )
    expect(out.trim()).toBe('closed')
  }, 60_000)

  it('runs a command with the environment given and returns its output', async () => {
    const { stdout } = await launcher.run('sh', ['-c', 'echo "$OMP_THREAD_LIMIT $0"', 'x'], { timeoutMs: 10_000, env: { OMP_THREAD_LIMIT: '1' } })
    expect(stdout).toBe('1 x\n')
  })

  it('rejects as execFile does: a failing command with its stderr, a timed-out one as killed', async () => {
    await expect(launcher.run('sh', ['-c', 'echo bad >&2; exit 3'], { timeoutMs: 10_000, env: {} })).rejects.toMatchObject({ code: 3, stderr: 'bad\n' })
    const started = performance.now()
    await expect(launcher.run('sleep', ['10'], { timeoutMs: 200, env: {} })).rejects.toMatchObject({ killed: true })
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('stops a command when its signal aborts, at once', async () => {
    const controller = new AbortController()
    const started = performance.now()
    const run = launcher.run('sleep', ['10'], { timeoutMs: 20_000, env: {}, signal: controller.signal })
    setTimeout(() => controller.abort(new Error('page abandoned')), 100)
    await expect(run).rejects.toThrow('page abandoned')
    expect(performance.now() - started).toBeLessThan(2_000)
    // The helper still serves the next command.
    expect((await launcher.run('echo', ['ok'], { timeoutMs: 10_000, env: {} })).stdout).toBe('ok\n')
  })
})
