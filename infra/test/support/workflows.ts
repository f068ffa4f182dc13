import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The repository root, seen from infra/test/support. */
export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..', '..');

/** One step of a job or of a composite action. */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}

export interface Job {
  name?: string;
  'runs-on'?: string;
  uses?: string;
  needs?: string | string[];
  if?: string;
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  'timeout-minutes'?: number;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

export interface CompositeAction {
  name: string;
  runs: { using: string; steps: Step[] };
}

/** A workflow or composite action file: its path from the root, raw text and parsed content. */
export interface WorkflowFile<Content> {
  path: string;
  text: string;
  content: Content;
}

function read<Content>(path: string): WorkflowFile<Content> {
  const text = readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
  return { path, text, content: parse(text) as Content };
}

/** Every workflow under .github/workflows, whoever added it. */
export function workflowFiles(): WorkflowFile<Workflow>[] {
  return readdirSync(join(REPOSITORY_ROOT, '.github/workflows'))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => read<Workflow>(`.github/workflows/${name}`));
}

/** Every local composite action, .github/actions/<name>/action.yml. */
export function actionFiles(): WorkflowFile<CompositeAction>[] {
  return readdirSync(join(REPOSITORY_ROOT, '.github/actions'))
    .sort()
    .map((name) => read<CompositeAction>(`.github/actions/${name}/action.yml`));
}

export function workflow(name: string): WorkflowFile<Workflow> {
  return read<Workflow>(`.github/workflows/${name}`);
}

export function action(name: string): WorkflowFile<CompositeAction> {
  return read<CompositeAction>(`.github/actions/${name}/action.yml`);
}

/** Steps of every job of a workflow, or of a composite action. */
export function stepsOf(file: WorkflowFile<Workflow> | WorkflowFile<CompositeAction>): Step[] {
  const content = file.content;
  if ('runs' in content) return content.runs.steps;
  return Object.values(content.jobs).flatMap((job) => job.steps ?? []);
}

/** Every `uses:` of a file: steps, and jobs that call a reusable workflow. */
export function usesOf(file: WorkflowFile<Workflow> | WorkflowFile<CompositeAction>): string[] {
  const content = file.content;
  const jobUses =
    'jobs' in content ? Object.values(content.jobs).flatMap((job) => job.uses ?? []) : [];
  return [...jobUses, ...stepsOf(file).flatMap((step) => step.uses ?? [])];
}

/** The step whose `run:` contains the text, with its position among the job's steps. */
export function stepRunning(job: Job, text: string): { step: Step; index: number } | undefined {
  const index = (job.steps ?? []).findIndex((step) => step.run?.includes(text));
  return index === -1 ? undefined : { step: job.steps![index]!, index };
}

export function stepUsing(job: Job, uses: string): { step: Step; index: number } | undefined {
  const index = (job.steps ?? []).findIndex((step) => step.uses === uses);
  return index === -1 ? undefined : { step: job.steps![index]!, index };
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : [job.needs].flat();
}

export function environmentOf(job: Job): string | undefined {
  return typeof job.environment === 'string' ? job.environment : job.environment?.name;
}
