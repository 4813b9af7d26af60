/**
 * Command-line parsing for every command: node:util's parseArgs, with its errors reworded into
 * one plain line (its own text has an unclosed quote and advice about `--` that does not apply).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BadArgsError } from '../errors.js'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O; strict: true }>>

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options, strict: true })
  } catch (cause) {
    throw new BadArgsError(`${command}: ${reword(cause as NodeJS.ErrnoException)}`, { cause })
  }
}

function reword(error: NodeJS.ErrnoException): string {
  const option = /'(-[^',\s]*)(?:, (--[^'\s]+))?/.exec(error.message)
  const name = option?.[2] ?? option?.[1]
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) return `unknown option ${name}`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    return /does not take an argument/.test(error.message) ? `${name} takes no value` : `${name} needs a value`
  }
  return error.message
}
