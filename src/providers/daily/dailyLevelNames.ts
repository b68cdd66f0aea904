import type { Severity } from '../../protocol/streamDefinition';

/** The level names Daily's `/logs` documents (its `logLevel` filter); records carry only a number. */
export const dailyLevelNames = ['ERROR', 'INFO', 'DEBUG'] as const;
export type DailyLevelName = (typeof dailyLevelNames)[number];

export function isDailyLevelName(value: string | undefined): value is DailyLevelName {
  return (dailyLevelNames as readonly string[]).includes(value ?? '');
}

type LevelDescription = { readonly text: string; readonly severity: Severity };

const namedLevels: Readonly<Record<DailyLevelName, LevelDescription>> = {
  ERROR: { text: 'error', severity: 'error' },
  INFO: { text: 'info', severity: 'info' },
  DEBUG: { text: 'debug', severity: 'debug' },
};
/** Unnamed numbers seen so far (a handful in practice; bounded against a server sending many). */
const unnamedLevels = new Map<number, LevelDescription>();
const maxUnnamedLevels = 256;

/** How a record's level shows: its documented name once the API has confirmed it, else the raw number. */
export function describeDailyLevel(level: number, name: DailyLevelName | undefined): LevelDescription {
  if (name !== undefined) return namedLevels[name];
  // An unconfirmed number is not guessed at: it shows as itself, in the neutral "info" bucket of the level toggles.
  let description = unnamedLevels.get(level);
  if (description === undefined) {
    description = { text: `level ${level}`, severity: 'info' };
    if (unnamedLevels.size < maxUnnamedLevels) unnamedLevels.set(level, description);
  }
  return description;
}

/**
 * What one connection has learnt about Daily's level numbers. The spec documents only names, so a number gets a
 * name only from the API itself: every record of a response to a `logLevel=NAME` request has that name. A
 * response holding several numbers (a server ignoring the filter) teaches nothing, and a number that two names
 * claim stays unnamed.
 */
export class DailyLevelTable {
  private readonly names = new Map<number, DailyLevelName>();
  private readonly disputed = new Set<number>();
  /** `NAME|session` pairs already asked about, so a session's unknown numbers are probed once. */
  private readonly probed = new Set<string>();

  nameOf(level: number): DailyLevelName | undefined {
    return this.names.get(level);
  }

  learn(name: DailyLevelName, levels: readonly number[]): void {
    const distinct = new Set(levels);
    if (distinct.size !== 1) return;
    const [level] = distinct;
    const known = this.names.get(level);
    const claimedElsewhere = [...this.names].some(([number, other]) => other === name && number !== level);
    if (this.disputed.has(level) || (known !== undefined && known !== name) || claimedElsewhere) {
      this.dispute(level, name);
    } else {
      this.names.set(level, name);
    }
  }

  /** Some of these numbers have no name yet and are worth asking about (not disputed). */
  hasUnknown(levels: readonly number[]): boolean {
    return levels.some((level) => !this.names.has(level) && !this.disputed.has(level));
  }

  /** The names not known yet and not asked about for this session; marks them asked. */
  namesToProbe(session: string): DailyLevelName[] {
    const known = new Set(this.names.values());
    const names = dailyLevelNames.filter((name) => !known.has(name) && !this.probed.has(`${name}|${session}`));
    names.forEach((name) => this.probed.add(`${name}|${session}`));
    return names;
  }

  private dispute(level: number, name: DailyLevelName): void {
    this.disputed.add(level);
    this.names.delete(level);
    for (const [number, other] of this.names) {
      if (other === name) {
        this.disputed.add(number);
        this.names.delete(number);
      }
    }
  }
}
