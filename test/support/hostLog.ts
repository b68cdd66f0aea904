/**
 * In code-server the extension host's console output arrives in the workbench log mixed with the workbench's own
 * messages. When the launcher sets this variable, the in-host runner prefixes mocha's lines so it can pick them out.
 */
export const prefixMochaLinesVariable = 'API_LOGS_PREFIX_MOCHA_LINES';
export const mochaLinePrefix = '[mocha] ';
