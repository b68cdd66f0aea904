import type * as AxiosTransport from './axiosTransport';

/**
 * axios and its Node adapter, about 90 KB, loaded when a connection first sends a request. Loading it also makes
 * Node load its fetch implementation (axios looks for a global FormData), which activation should not pay for.
 */
export function loadAxiosTransport(): Promise<typeof AxiosTransport> {
  return import('./axiosTransport');
}
