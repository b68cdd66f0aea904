import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';

/** axios, bundled apart (dist/axiosTransport.js, see esbuild.mjs): the first request loads it, activation does not. */
export function createAxios(config: CreateAxiosDefaults): AxiosInstance {
  return axios.create(config);
}
