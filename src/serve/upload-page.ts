/**
 * The page `serve` shows: drop reports (or choose them), watch each convert with its OCR progress
 * page by page, open the review, download the JSON and the review. Self-contained like the
 * review (embedded font, inline CSS and script); it talks only to the server that served it.
 */
import { sarabunFontFaces } from '../stages/export/review/font.js'
import { bi, html, trusted } from '../stages/export/review/html.js'

/** Header every upload must carry: a page on another site cannot send it without a CORS preflight, which is never granted. */
export const UPLOAD_HEADER = 'x-ita-extract-upload'

const CSP = "default-src 'none'; connect-src 'self'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"

const CSS = `
*{box-sizing:border-box}
html{font-family:'Sarabun',sans-serif;color:#1b1f24;background:#f4f5f7;line-height:1.5}
body{margin:0}
body:not([data-lang=en]) .en,body[data-lang=en] .th{display:none}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:.5rem 0}
.toolbar{display:flex;justify-content:flex-end}
button,.button{font:inherit;padding:.3rem .9rem;border:1px solid #c5ccd4;border-radius:4px;background:#fff;color:inherit;text-decoration:none;cursor:pointer;display:inline-block}
#drop{display:block;border:3px dashed #8a96a3;border-radius:8px;background:#fff;padding:2.5rem 1rem;text-align:center;cursor:pointer;margin:1rem 0}
#drop.over{border-color:#1f5fa8;background:#e8f1fb}
#drop input{display:none}
.job{background:#fff;border:1px solid #d5dae0;border-left:6px solid #8a96a3;border-radius:4px;padding:.7rem 1rem;margin:.7rem 0}
.job.failed{border-left-color:#b42318}.job.fix{border-left-color:#b42318}.job.check{border-left-color:#8a5a00}.job.ready{border-left-color:#1a7f37}
.job .name{font-weight:700;word-break:break-all}
.job .status{color:#5b6470}
.job .error{color:#b42318;font-weight:700}
progress{width:100%;height:.8rem}
.links{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.4rem}
.verdict{font-weight:700}.verdict.fix{color:#b42318}.verdict.check{color:#8a5a00}.verdict.ready{color:#1a7f37}
.note{color:#5b6470;font-size:.9rem}
`

const SCRIPT = `
const limit = Number(document.body.dataset.limit);
const header = ${JSON.stringify(UPLOAD_HEADER)};
const list = document.getElementById('jobs');
const t = (th, en) => '<span class="th" lang="th">' + esc(th) + '</span><span class="en" lang="en">' + esc(en) + '</span>';
function esc(s) { return String(s).replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'})[c]); }
function card(name) {
  const el = document.createElement('div');
  el.className = 'job';
  el.innerHTML = '<div class="name"></div><div class="status"></div><progress max="1" value="0" hidden></progress><div class="links"></div>';
  el.querySelector('.name').textContent = name;
  list.prepend(el);
  return el;
}
function show(el, s) {
  el.className = 'job ' + s.state + (s.verdict ? ' ' + s.verdict.kind : '');
  el.dataset.state = s.state;
  const status = el.querySelector('.status');
  const bar = el.querySelector('progress');
  if (s.state === 'failed') { status.className = 'status error'; status.textContent = s.error; bar.hidden = true; return; }
  if (s.ocr && s.state === 'running') { bar.hidden = false; bar.max = s.ocr.total; bar.value = s.ocr.done; }
  if (s.state === 'queued') { status.innerHTML = t('รอคิว (แปลงทีละไฟล์)', 'queued (one file at a time)'); return; }
  if (s.state === 'running') {
    status.innerHTML = s.ocr && s.ocr.done < s.ocr.total
      ? t('กำลังอ่านภาพด้วย OCR: เสร็จ ' + s.ocr.done + ' จาก ' + s.ocr.total + ' หน้า', 'OCR: ' + s.ocr.done + ' of ' + s.ocr.total + ' pages read')
      : t('กำลังแปลง', 'converting') + ' <span class="note">(' + esc(s.message || '') + ')</span>';
    return;
  }
  bar.hidden = true;
  status.innerHTML = '<span class="verdict ' + s.verdict.kind + '">' + t(s.verdict.headline.th, s.verdict.headline.en) + '</span> · ' + t(s.pages + ' หน้า, ' + s.seconds + ' วินาที', s.pages + ' pages, ' + s.seconds + ' s');
  const base = 'jobs/' + encodeURIComponent(s.id);
  const stem = s.name.replace(/\\.[^.]*$/, '');
  el.querySelector('.links').innerHTML =
    '<a class="button open" target="_blank" href="' + base + '/review.html">' + t('เปิดผลการตรวจสอบ', 'Open the review') + '</a>' +
    '<a class="button json" download="' + esc(stem) + '.json" href="' + base + '/report.json">' + t('ดาวน์โหลด JSON', 'Download JSON') + '</a>' +
    '<a class="button review" download="' + esc(stem) + '.review.html" href="' + base + '/review.html?download=1">' + t('ดาวน์โหลดผลการตรวจสอบ', 'Download the review') + '</a>';
}
async function watch(el, id) {
  for (;;) {
    const r = await fetch('jobs/' + encodeURIComponent(id));
    const s = await r.json();
    show(el, s);
    if (s.state === 'done' || s.state === 'failed') return;
    await new Promise(ok => setTimeout(ok, 500));
  }
}
async function upload(file) {
  const el = card(file.name);
  // The server's own words (server.ts tooLarge), said before sending the file.
  if (file.size > limit) { show(el, { state: 'failed', error: file.name + ': the upload is ' + (file.size / 1048576).toFixed(1) + ' MiB, over the ' + (limit / 1048576).toFixed(1) + ' MiB limit' }); return; }
  el.querySelector('.status').innerHTML = t('กำลังส่งไฟล์', 'uploading');
  try {
    const r = await fetch('jobs?name=' + encodeURIComponent(file.name), { method: 'POST', headers: { [header]: '1', 'content-type': 'application/octet-stream' }, body: file });
    const s = await r.json();
    if (!r.ok) { show(el, { state: 'failed', error: s.error }); return; }
    await watch(el, s.id);
  } catch (e) {
    show(el, { state: 'failed', error: file.name + ': ' + e.message });
  }
}
const drop = document.getElementById('drop');
const input = drop.querySelector('input');
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); for (const f of e.dataTransfer.files) upload(f); });
input.addEventListener('change', () => { for (const f of input.files) upload(f); input.value = ''; });
document.getElementById('lang').addEventListener('click', () => { const b = document.body; b.dataset.lang = b.dataset.lang === 'en' ? 'th' : 'en'; document.documentElement.lang = b.dataset.lang; });
`

export function uploadPage(maxUploadBytes: number): string {
  const mib = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10
  return html`<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ita-extract: ตรวจสอบรายงาน ITA</title><style>${trusted(sarabunFontFaces())}${trusted(CSS)}</style></head>
<body data-lang="th" data-limit="${maxUploadBytes}">
<main>
<div class="toolbar"><button id="lang" type="button">${bi({ th: 'English', en: 'ภาษาไทย' })}</button></div>
<h1>${bi({ th: 'ตรวจสอบรายงานการนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', en: 'Check an ITA improvement report' })}</h1>
<p>${bi({ th: 'วางไฟล์รายงาน (PDF ที่สแกนหรือพิมพ์จากโปรแกรม) ที่นี่ ระบบจะอ่านตัวเลขทุกค่าและบอกจุดที่ขัดแย้งกัน พร้อมภาพตำแหน่งที่พิมพ์', en: 'Drop report PDFs (scanned or born-digital) here: every number is read and each contradiction is shown with an image of where it was printed.' })}</p>
<label id="drop">${bi({ th: `วางไฟล์ที่นี่ หรือคลิกเพื่อเลือกไฟล์ (ไม่เกิน ${mib} MB ต่อไฟล์)`, en: `Drop files here or click to choose (up to ${mib} MB each)` })}<input type="file" multiple accept=".pdf,application/pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.md,.html,.docx,.odt"></label>
<div id="jobs"></div>
<p class="note">${bi({ th: 'ไฟล์ถูกประมวลผลบนเครื่องนี้เท่านั้น และถูกลบทันทีหลังแปลงเสร็จ การอ่านภาพสแกนใช้เวลาหลายวินาทีต่อหน้า', en: 'Files are processed on this computer only and deleted as soon as they are converted. Reading a scan takes a few seconds a page.' })}</p>
</main>
<script>${trusted(SCRIPT)}</script>
</body></html>
`.text
}
