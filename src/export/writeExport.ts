import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { ExportFormat } from '../protocol/logTable';
import type { ColumnDef } from '../protocol/streamDefinition';
import type { HeldRows } from '../query/heldRows';
import { createEncoder } from './exportEncoder';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly columns: readonly ColumnDef[];
  /** Called every `progressEvery` rows and once at the end, with rows written so far and the total. */
  readonly onProgress?: (written: number, total: number) => void;
  readonly progressEvery?: number;
  /** Aborting stops the export and removes the partial file. */
  readonly signal?: AbortSignal;
}

export interface ExportResult {
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Streams rows to `filePath`, waiting for the disk whenever the stream's buffer is full so memory stays flat for
 * any export size. A cancelled or failed export leaves no partial file behind.
 */
export async function writeExport(filePath: string, rows: HeldRows, options: ExportOptions): Promise<ExportResult> {
  const stream = createWriteStream(filePath, { encoding: 'utf8' });
  const total = rows.length;
  let written = 0;
  const encoder = createEncoder(rows, options.format, options.columns);
  const progressEvery = options.progressEvery ?? 1000;
  // An error between writes is picked up by the next write or by `finished`; without a listener it would crash.
  stream.on('error', () => undefined);
  try {
    await write(stream, encoder.header, options.signal);
    // The rows held when the export starts: rows loaded meanwhile are not in it.
    for (const row of rows) {
      if (written === total) break;
      await write(stream, encoder.row(row, written++), options.signal);
      if (written % progressEvery === 0) {
        options.onProgress?.(written, total);
      }
    }
    await write(stream, encoder.footer(written), options.signal);
    stream.end();
    await finished(stream);
  } catch (error) {
    stream.destroy();
    await rm(filePath, { force: true });
    throw error;
  }
  options.onProgress?.(written, total);
  return { rows: written, bytes: stream.bytesWritten };
}

async function write(stream: WriteStream, text: string, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  if (stream.errored) {
    throw stream.errored;
  }
  if (text !== '' && !stream.write(text)) {
    await once(stream, 'drain', { signal });
  }
}
