/** Small helpers shared by the CLI commands: stderr messages and colour only on a TTY. */
export const isTTY = (stream: NodeJS.WriteStream = process.stdout): boolean => Boolean(stream.isTTY) && !process.env.NO_COLOR

export function errorLine(message: string): void {
  process.stderr.write(`ita-extract: ${message}\n`)
}
