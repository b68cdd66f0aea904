import type * as vscode from 'vscode';
import type { PromptId, Prompter } from '../../../src/ui/prompter';

/** An answer per prompt id: text for inputs, the item label for picks, a boolean for confirmations. */
export type Answers = Partial<Record<PromptId, string | boolean>>;

/**
 * Answers the extension's prompts by id, running each input's `validateInput` the way the input box would.
 * Commands swallow errors into messages, so problems are collected here for the test to assert on.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: PromptId[] = [];
  readonly problems: string[] = [];

  constructor(private readonly answers: Answers) {}

  async input(id: PromptId, options: vscode.InputBoxOptions): Promise<string | undefined> {
    const answer = this.answer(id, 'string');
    if (answer === undefined) return undefined;
    const verdict = await options.validateInput?.(answer);
    const message = typeof verdict === 'string' ? verdict : verdict?.message;
    if (message) {
      this.problems.push(`${id}: "${answer}" was rejected: ${message}`);
      return undefined;
    }
    return answer;
  }

  async pick<T extends vscode.QuickPickItem>(id: PromptId, items: readonly T[]): Promise<T | undefined> {
    const label = this.answer(id, 'string');
    if (label === undefined) return undefined;
    const item = items.find((candidate) => candidate.label === label);
    if (!item) this.problems.push(`${id}: no item "${label}" among ${items.map((i) => i.label).join(', ')}`);
    return item;
  }

  /** The scripted answer names the items' labels separated by `|`. */
  async pickMany<T extends vscode.QuickPickItem>(id: PromptId, items: readonly T[]): Promise<readonly T[] | undefined> {
    const labels = this.answer(id, 'string');
    if (labels === undefined) return undefined;
    const picked = labels.split('|').map((label) => items.find((candidate) => candidate.label === label));
    if (picked.some((item) => item === undefined)) this.problems.push(`${id}: not every item of "${labels}" is among ${items.map((i) => i.label).join(', ')}`);
    return picked.filter((item): item is T => item !== undefined);
  }

  async confirm(id: PromptId): Promise<boolean> {
    return this.answer(id, 'boolean') ?? false;
  }

  private answer<K extends 'string' | 'boolean'>(id: PromptId, kind: K): (K extends 'string' ? string : boolean) | undefined {
    this.asked.push(id);
    const answer = this.answers[id];
    if (typeof answer !== kind) {
      this.problems.push(`unexpected prompt ${id} (no ${kind} answer scripted)`);
      return undefined;
    }
    return answer as K extends 'string' ? string : boolean;
  }
}
