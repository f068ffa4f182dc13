/** The status page's whole stylesheet, inlined; its hash is allowed by the Content-Security-Policy. */
export const STATUS_PAGE_CSS = `
:root { font-family: system-ui, sans-serif; color: #1f2328; background: #f6f8fa; }
body { margin: 0; }
.banner { padding: 1.25rem 2rem; color: #fff; font-weight: 700; letter-spacing: .04em; }
.banner h1 { margin: 0; font-size: 1.6rem; text-transform: uppercase; }
.banner p { margin: .25rem 0 0; font-weight: 400; opacity: .9; }
.env-development { background: #1a7f37; }
.env-test { background: #6e7781; }
.env-staging { background: #bf8700; }
.env-production { background: #cf222e; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #eaeef2; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
.ok { color: #1a7f37; font-weight: 600; }
.bad { color: #cf222e; font-weight: 600; }
.muted { color: #656d76; }
.verdict h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
.verdict p, .verdict ul { margin: 0; }
.verdict.ready { border-left: 6px solid #1a7f37; }
.verdict.ready h2 { color: #1a7f37; }
.verdict.not-ready { border-left: 6px solid #cf222e; }
.verdict.not-ready h2 { color: #cf222e; }
`;
