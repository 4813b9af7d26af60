/**
 * HTML built from template literals with every interpolated value escaped, unless it is already
 * `Html` (built the same way). Text from untrusted documents can never become markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[]

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return ''
  if (part instanceof Html) return part.text
  if (Array.isArray(part)) return part.map(render).join('')
  return escapeHtml(String(part))
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new Html(out)
}

/** Markup that is trusted as it is (CSS, data URIs built here, the inline script). */
export function trusted(text: string): Html {
  return new Html(text)
}

/** Thai and English side by side; the page shows one (the toggle switches). */
export function bi(text: { readonly th: string; readonly en: string } | { readonly th: Html; readonly en: Html }): Html {
  return html`<span class="th" lang="th">${text.th}</span><span class="en" lang="en">${text.en}</span>`
}
