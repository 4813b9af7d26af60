/** The review's CSS: screen and A4 print. Only the embedded Sarabun; no colour carries meaning alone. */
export const REVIEW_CSS = `
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d5dae0;--bad:#b42318;--bad-bg:#fdecea;--warn:#8a5a00;--warn-bg:#fff4d6;--ok:#1a7f37;--ok-bg:#e7f6ec;--info:#1f5fa8;--info-bg:#e8f1fb;--box:#e0007a}
*{box-sizing:border-box}
html{font-family:'Sarabun',sans-serif;font-size:16px;color:var(--ink);background:#f4f5f7;line-height:1.5}
body{margin:0}
body:not([data-lang=en]) .en,body[data-lang=en] .th{display:none}
.toolbar{position:sticky;top:0;z-index:2;display:flex;gap:.5rem;justify-content:flex-end;padding:.5rem 1rem;background:#ffffffe6;border-bottom:1px solid var(--line)}
.toolbar button{font:inherit;padding:.25rem .9rem;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
article.review{max-width:60rem;margin:1rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid var(--line)}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}h3{font-size:1.05rem;margin:0}
.sub{color:var(--muted)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem 1rem;margin:1rem 0}
.fact .k{display:block;color:var(--muted);font-size:.85rem}.fact .v{font-size:1.15rem;font-weight:700}
.verdict{display:flex;align-items:center;gap:1rem;padding:.8rem 1rem;border-radius:6px;border:2px solid;margin:1rem 0}
.verdict .big{font-size:1.6rem;font-weight:700}
.verdict.fix{color:var(--bad);background:var(--bad-bg)}.verdict.check{color:var(--warn);background:var(--warn-bg)}.verdict.ready{color:var(--ok);background:var(--ok-bg)}
.verdict .detail{color:var(--ink)}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
th,td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f2f5;font-weight:700}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.conflict{background:var(--bad-bg);color:var(--bad);font-weight:700}
td.conflict a,b.conflict+a{color:inherit}
b.conflict{color:var(--bad)}
td.doubt{background:var(--warn-bg)}
td.computed{color:var(--muted);font-style:italic}
thead{display:table-header-group}
.finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:4px;padding:.8rem 1rem;margin:1rem 0}
.finding.error{border-left-color:var(--bad)}.finding.warning{border-left-color:var(--warn)}
.finding .head{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
.sev{font-size:.8rem;font-weight:700;padding:0 .45rem;border-radius:3px;white-space:nowrap}
.sev.error{background:var(--bad);color:#fff}.sev.warning{background:var(--warn);color:#fff}.sev.info{background:var(--info);color:#fff}
.rule{font-family:monospace;font-size:.8rem;color:var(--muted)}
.message{margin:.4rem 0}
.explanation{background:#f7f8fa;border-radius:4px;padding:.4rem .7rem;margin:.5rem 0}
.explanation p{margin:.15rem 0}
.evidence-list{display:flex;flex-wrap:wrap;gap:.8rem;margin-top:.6rem}
figure.evidence{margin:0;max-width:100%}
figure.evidence svg{display:block;max-width:100%;height:auto;border:1px solid var(--line);background:#fff}
figure.evidence rect.box{fill:none;stroke:var(--box);stroke-width:2.5px;vector-effect:non-scaling-stroke}
figure.evidence rect.box.loose{stroke-dasharray:6 3}
figure.evidence figcaption{font-size:.85rem;color:var(--muted);max-width:36rem}
figure.evidence figcaption b{color:var(--ink)}
figure.line pre{margin:0;padding:.4rem .6rem;background:#f7f8fa;border:1px solid var(--line);white-space:pre-wrap;word-break:break-all;font-family:'Sarabun',monospace;max-width:48rem}
mark{background:#ffd6ec;color:inherit;outline:2px solid var(--box)}
.note{color:var(--muted);font-size:.9rem}
ul.plain{margin:.2rem 0;padding-left:0;list-style:none}
.measure{border:1px solid var(--line);border-radius:4px;padding:.5rem .8rem;margin:.6rem 0}
.measure dl{display:grid;grid-template-columns:11rem 1fr;gap:.15rem .8rem;margin:.3rem 0}
.measure dt{color:var(--muted)}.measure dd{margin:0}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem;word-break:break-all}
.defs{position:absolute;width:0;height:0;overflow:hidden}
@page{size:A4;margin:14mm 12mm}
@media print{
  html{background:#fff;font-size:10.5pt}
  .toolbar{display:none}
  article.review{max-width:none;margin:0;padding:0;border:0}
  article.review+article.review{break-before:page}
  figure.evidence,.finding .head,.explanation,tr,.verdict{break-inside:avoid}
  .finding .head{break-after:avoid}
  h2{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`
