// `mocha --reporter` needs a module whose export is the reporter constructor; mocha runs with --import=tsx.
module.exports = require('./countingReporter.ts').CountingReporter;
