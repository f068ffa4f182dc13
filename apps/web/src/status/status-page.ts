import type { Report } from '@repo/db';
import type { LiveWorker } from '../workers/worker-registry.service.js';
import { STATUS_PAGE_CSS } from './status-page.css.js';

/** The overall verdict at the top of the page: can this deployment serve, and if not, why. */
export interface StatusVerdict {
  ready: boolean;
  /** What is wrong, in words; empty when ready. */
  reasons: string[];
}

export interface StatusPageData {
  appEnv: string;
  verdict: StatusVerdict;
  /** When the page was rendered; times on it are shown relative to this. */
  now: Date;
  version: string;
  gitSha: string;
  fingerprint: string;
  features: Record<string, boolean>;
  workers: LiveWorker[];
  reports: Report[];
  lastReportId: string | undefined;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every dynamic value goes through here: report titles come from users. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

function relative(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** A time for people: how long ago, with the exact UTC time in a tooltip and the machine-readable one in `datetime`. */
export function formatTime(value: Date | string, now: Date): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return escapeHtml(value);
  const iso = time.toISOString();
  const exact = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  return `<time datetime="${iso}" title="${exact}">${relative(now.getTime() - time.getTime())}</time>`;
}

function verdictSection(verdict: StatusVerdict): string {
  if (verdict.ready)
    return '<section class="verdict ready"><h2>Ready</h2><p>Every check passes: this deployment can serve.</p></section>';
  const reasons = verdict.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  return `<section class="verdict not-ready"><h2>Not ready</h2><ul>${reasons}</ul></section>`;
}

function workersSection(data: StatusPageData): string {
  if (data.workers.length === 0)
    return '<p class="bad">No live worker: jobs are not being processed.</p>';
  const rows = data.workers
    .map(
      (
        worker,
      ) => `<tr><td><code>${escapeHtml(worker.id)}</code></td><td>${escapeHtml(worker.version)}</td>
<td><code>${escapeHtml(worker.fingerprint)}</code> ${
        worker.fingerprintMatches
          ? '<span class="ok">matches</span>'
          : '<span class="bad">MISMATCH: this worker read a different configuration</span>'
      }</td><td>${escapeHtml(worker.jobsDone)} done, ${escapeHtml(worker.jobsFailed)} failed</td><td>${formatTime(worker.beatAt, data.now)}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>Worker</th><th>Version</th><th>Fingerprint</th><th>Jobs</th><th>Last heartbeat</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reportsSection(data: StatusPageData): string {
  if (data.reports.length === 0)
    return '<p class="muted">No jobs yet. Try <code>POST /api/reports</code>.</p>';
  const rows = data.reports
    .map(
      (
        report,
      ) => `<tr><td><code>${escapeHtml(report.id)}</code>${report.id === data.lastReportId ? ' <span class="muted">(yours)</span>' : ''}</td>
<td>${escapeHtml(report.title)}</td><td>${escapeHtml(report.status)}</td><td>${escapeHtml(report.attempts)}</td><td>${formatTime(report.createdAt, data.now)}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>Report</th><th>Title</th><th>Status</th><th>Attempts</th><th>Created</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The status page: plain HTML, one inline stylesheet, no scripts. */
export function renderStatusPage(data: StatusPageData): string {
  const flags = Object.entries(data.features);
  const enabled = flags.filter(([, on]) => on).map(([name]) => `<code>${escapeHtml(name)}</code>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ladder · ${escapeHtml(data.appEnv)}</title>
<style>${STATUS_PAGE_CSS}</style>
</head>
<body>
<header class="banner env-${escapeHtml(data.appEnv)}">
<h1>${escapeHtml(data.appEnv)}</h1>
<p>Ladder ${escapeHtml(data.version)} · commit <code>${escapeHtml(data.gitSha)}</code> · config fingerprint <code>${escapeHtml(data.fingerprint)}</code></p>
</header>
<main>
${verdictSection(data.verdict)}
<section><h2>Feature flags</h2><p>${enabled.length > 0 ? enabled.join(' ') : '<span class="muted">none enabled</span>'} <span class="muted">(${flags.length} declared)</span></p></section>
<section><h2>Workers</h2>${workersSection(data)}</section>
<section><h2>Recent jobs</h2>${reportsSection(data)}</section>
<p class="muted">Readiness: <a href="/health/ready">/health/ready</a> · Environment reference: docs/environment.md</p>
</main>
</body>
</html>
`;
}
