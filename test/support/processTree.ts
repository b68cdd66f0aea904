import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** mocha flags every layer runs with: a left-over `.only` or a skipped test fails the run. */
export const strictMochaFlags: readonly string[] = ['--forbid-only', '--forbid-pending'];

export interface LimitedRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
}

/** After SIGTERM, how long a timed-out run gets before SIGKILL. */
const killGraceMs = 5_000;

interface ProcessEntry {
  readonly pid: number;
  readonly parent: number;
  readonly group: number;
  readonly zombie: boolean;
}

/** Every process on this Linux machine, from /proc/<pid>/stat ("pid (comm) state ppid pgrp …"). */
function processes(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      entries.push({ pid: Number(name), parent: Number(parent), group: Number(group), zombie: state === 'Z' });
    } catch {
      // The process ended while the list was read.
    }
  }
  return entries;
}

/**
 * The process groups of `root` and all its descendants. code-server and Chromium start their own groups, so
 * killing only the root's group would leave them running.
 */
export function descendantGroups(root: number): number[] {
  const all = processes();
  const groups = new Set<number>([root]);
  const pending = [root];
  while (pending.length > 0) {
    const parent = pending.pop();
    for (const entry of all.filter((candidate) => candidate.parent === parent)) {
      groups.add(entry.group);
      pending.push(entry.pid);
    }
  }
  return [...groups];
}

/** True while a process of `group` exists and is not a zombie. */
export function groupAlive(group: number): boolean {
  return processes().some((entry) => entry.group === group && !entry.zombie);
}

function signalGroups(groups: readonly number[], signal: NodeJS.Signals): void {
  for (const group of groups) {
    try {
      process.kill(-group, signal);
    } catch {
      // The group is already gone.
    }
  }
}

/**
 * Runs `command` in its own process group with the terminal as its output. Past `limitMs` it and every group
 * it started get SIGTERM, then SIGKILL; whatever the command leaves in its own group when it exits is killed too.
 */
export async function runWithLimit(command: readonly string[], limitMs: number, env: NodeJS.ProcessEnv = {}): Promise<LimitedRun> {
  const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
  if (child.pid === undefined) {
    const error = await new Promise<Error>((done) => child.once('error', done));
    return { code: null, signal: error.message, timedOut: false };
  }
  const root = child.pid;
  const stopOnSignal = () => signalGroups(descendantGroups(root), 'SIGKILL');
  process.once('exit', stopOnSignal);
  let timedOutGroups: number[] | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const limitTimer = setTimeout(() => {
    const groups = descendantGroups(root);
    timedOutGroups = groups;
    signalGroups(groups, 'SIGTERM');
    killTimer = setTimeout(() => signalGroups(groups, 'SIGKILL'), killGraceMs);
  }, limitMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((done) => {
    child.once('exit', (exitCode, exitSignal) => done({ code: exitCode, signal: exitSignal }));
  });
  clearTimeout(limitTimer);
  clearTimeout(killTimer);
  signalGroups(timedOutGroups ?? [root], 'SIGKILL');
  process.off('exit', stopOnSignal);
  return { code, signal, timedOut: timedOutGroups !== undefined };
}
