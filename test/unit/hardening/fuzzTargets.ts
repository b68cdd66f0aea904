import { pagingTargets } from './fuzzPaging';
import { errorTargets, protocolTargets, streamDecodeTargets, streamQueryTargets, type FuzzTarget } from './fuzzProperties';

/** Every fuzz target: schemas and mappers, request building, paging, error classification, the webview protocol. */
export const fuzzTargets: readonly FuzzTarget[] = [...streamDecodeTargets, ...streamQueryTargets, ...pagingTargets, ...errorTargets, ...protocolTargets];
