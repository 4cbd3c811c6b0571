// `npm start` as a child process for end-to-end tests: its summary lines are read for the URLs it prints.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningStart {
  child: ChildProcessWithoutNullStreams;
  /** The server URL, once the summary is printed. */
  url: Promise<string>;
  /** Resolves with the first match of `pattern` in stdout or stderr (the JSON log). */
  line(pattern: RegExp): Promise<RegExpExecArray>;
  output(): { stdout: string; stderr: string };
  /** Resolves once `pred` holds for the output so far (checked on each chunk: an event, not a time). */
  until(pred: (out: { stdout: string; stderr: string }) => boolean): Promise<void>;
}

/**
 * Starts `regiekamer <args>` from the sources, or `command` ([executable, arguments]) when given — e.g. a test that
 * names the one command a server is started with.
 */
export function startStack(
  env: Record<string, string>,
  args: string[] = ['start'],
  command?: [string, string[]],
): RunningStart {
  const [executable, argv] = command ?? [process.execPath, ['bin/regiekamer.js', ...args]];
  const child = spawn(executable, argv, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(stdout) ?? pattern.exec(stderr);
        if (m) {
          child.stdout.off('data', check);
          child.stderr.off('data', check);
          resolve(m);
        }
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      check();
      child.once('exit', (code) =>
        reject(new Error(`exited ${code} before printing ${pattern}:\n${stdout}\n${stderr}`)),
      );
    });
  const url = line(/Server\s+(http:\/\/\S+)/).then((m) => m[1] as string);
  const until = (pred: (out: { stdout: string; stderr: string }) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pred({ stdout, stderr })) {
          child.stdout.off('data', check);
          child.stderr.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      check();
      child.once('exit', (code) => reject(new Error(`exited ${code} while waiting:\n${stdout}\n${stderr}`)));
    });
  return { child, url, line, until, output: () => ({ stdout, stderr }) };
}
