// Types for serve.mjs (imported by the TypeScript e2e harness).
export interface StartServerOptions {
  /** Directory to serve; nothing outside it is reachable. */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1; any loopback address (e.g. 127.0.0.2) works on Linux. */
  host?: string;
}
export interface RunningServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:4179 */
  url: string;
  close(): Promise<void>;
}
export declare function contentTypeFor(file: string): string;
export declare function startServer(options: StartServerOptions): Promise<RunningServer>;
