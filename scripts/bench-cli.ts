// The command line in `npm run bench`: `regiekamer validate` and `regiekamer plan` (reads only, no tenant changes)
// as a person runs them, a new process each time, against the local tenant, for BLNP, BLNP ×10 and a generated
// programme of 10,000 people. Wall time, CPU time (the command's own work, without waiting for the tenant) and peak
// memory (maxRSS) come from the child itself (scripts/usage-preload.mjs). A benchmark: it measures, it asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { startLocalTenant } from '@regiekamer/local-tenant';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import type { Programme } from '../src/domain/programme/schema.ts';
import { localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';
import { generateProgramme, scaled } from './generate-programme.ts';

const root = path.resolve(import.meta.dirname, '..');
const BIN = path.join(root, 'bin/regiekamer.js');
const PRELOAD = path.join(root, 'scripts/usage-preload.mjs');

/** Targets from issue 14 §9: validate of BLNP within 0.5 s; plan's own work for 10,000 people within 5 s and 400 MB. */
const TARGET = { validateBlnpS: 0.5, planCpuS: 5, planMiB: 400 };

interface Run {
  code: number | null;
  wallS: number;
  cpuS: number;
  maxRssMiB: number;
  stderr: string;
}

/** Runs `regiekamer args…` in a new process with `env`; its own CPU time and peak memory from the preload. */
async function run(args: string[], env: Record<string, string>, dir: string): Promise<Run> {
  const usageFile = path.join(dir, `usage-${process.hrtime.bigint()}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PRELOAD, BIN, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', REGIEKAMER_LANG: 'nl', ...env, RK_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const wallS = (performance.now() - started) / 1000;
  const u = JSON.parse(await readFile(usageFile, 'utf8')) as { userUs: number; systemUs: number; maxRssKiB: number };
  return { code, wallS, cpuS: (u.userUs + u.systemUs) / 1e6, maxRssMiB: u.maxRssKiB / 1024, stderr };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Median of `times` runs (wall, CPU and memory each). */
async function measure(times: number, args: string[], env: Record<string, string>, dir: string): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await run(args, env, dir));
  const failed = runs.find((r) => r.code !== 0);
  if (failed) throw new Error(`regiekamer ${args.join(' ')} exited ${failed.code}: ${failed.stderr.slice(0, 2000)}`);
  return {
    code: 0,
    wallS: median(runs.map((r) => r.wallS)),
    cpuS: median(runs.map((r) => r.cpuS)),
    maxRssMiB: median(runs.map((r) => r.maxRssMiB)),
    stderr: '',
  };
}

/** validate and plan for one programme file, with a local tenant whose directory has the programme's people. */
async function benchOne(label: string, text: string, programme: Programme, runs: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-cli-'));
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    dataDir: path.join(dir, 'local-tenant'),
    port: 0,
    httpPort: null,
  });
  try {
    const file = path.join(dir, 'programma.yaml');
    await writeFile(file, text);
    const env = { REGIEKAMER_DATA_DIR: dir, REGIEKAMER_PROGRAMME: file };
    const validate = await measure(runs, ['validate', file], env, dir);
    const plan = await measure(runs, ['plan'], env, dir);
    const kb = Math.round(Buffer.byteLength(text) / 1024);
    const row = (command: string, r: Run, target: string) =>
      `| ${label} (${programme.people.length} personen, ${kb} KB) | ${command} | ${r.wallS.toFixed(2)} | ${r.cpuS.toFixed(2)} | ${r.maxRssMiB.toFixed(0)} | ${target} |`;
    const big = programme.people.length >= 10_000;
    return [
      row('validate', validate, label === 'BLNP' ? `≤ ${TARGET.validateBlnpS} s` : ''),
      row('plan', plan, big ? `CPU ≤ ${TARGET.planCpuS} s, ≤ ${TARGET.planMiB} MB` : ''),
    ];
  } finally {
    await tenant.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The CLI part of `npm run bench`: a markdown table (wall time, CPU time, peak memory, target) per programme. */
export async function benchCli(options: { quick: boolean }): Promise<string[]> {
  const blnpText = await readFile(path.join(root, 'programmes/blnp.yaml'), 'utf8');
  const loaded = await loadProgrammeFile(path.join(root, 'programmes/blnp.yaml'));
  if (!loaded.ok) throw new Error('programmes/blnp.yaml does not load');
  const lines = [
    '| programma | commando | tijd (s) | CPU (s) | piekgeheugen (MB) | doel |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  console.error('CLI: BLNP …');
  lines.push(...(await benchOne('BLNP', blnpText, loaded.programme, 3)));
  if (options.quick) return lines;
  const x10 = scaled(loaded.programme, 10);
  console.error('CLI: BLNP ×10 …');
  lines.push(...(await benchOne('BLNP ×10', stringify(x10, { lineWidth: 0 }), x10, 3)));
  const bigText = generateProgramme(blnpText, 10_000);
  const big = await programmeOf(bigText);
  console.error('CLI: 10.000 personen …');
  lines.push(...(await benchOne('Gegenereerd', bigText, big, 1)));
  return lines;
}

/** The parsed programme of a generated file (for the local tenant's directory). */
async function programmeOf(text: string): Promise<Programme> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-gen-'));
  try {
    const file = path.join(dir, 'programma.yaml');
    await writeFile(file, text);
    const loaded = await loadProgrammeFile(file);
    if (!loaded.ok) throw new Error(`the generated programme does not validate: ${JSON.stringify(loaded.problems[0])}`);
    return loaded.programme;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
