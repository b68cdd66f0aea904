import type { Palette } from './histogramDraw';
import type { Series } from './histogramCounts';

/**
 * Reads the chart's colours from hidden probes carrying the table's own tone classes (so bars match the table's
 * severity and status colours in every theme) and from classes mapped to --vscode-* variables in histogram.css.
 */
export class PaletteReader {
  readonly element = document.createElement('span');

  constructor() {
    this.element.className = 'histogram-probes';
    this.element.hidden = true;
  }

  read(series: readonly Series[]): Palette {
    const colour = (className: string): string => {
      const probe = document.createElement('span');
      probe.className = className;
      this.element.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const axisProbe = document.createElement('span');
    axisProbe.className = 'histogram-axis-probe';
    this.element.append(axisProbe);
    const style = getComputedStyle(axisProbe);
    const font = `${style.fontSize} ${style.fontFamily}`;
    axisProbe.remove();
    return {
      series: series.map((s) => colour(s.tone)),
      errorLine: colour('histogram-error-line'),
      axis: colour('histogram-axis-probe'),
      selection: colour('histogram-selection-probe'),
      focus: colour('histogram-focus-probe'),
      font,
    };
  }
}
