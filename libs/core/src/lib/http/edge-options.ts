/** What a deployment configures at the HTTP edge (`CoreModule.forRoot({ edge })`). */
export interface EdgeOptions {
  /** Requests per minute per principal; 0 or absent: no limit. */
  rateLimitPerMinute?: number;
  /** Redis shared by every process of a deployment, for one rate-limit budget across them. */
  redisUrl?: string;
  /** Prefix of every Redis key, so that deployments (or test runs) can share a server. */
  redisKeyPrefix?: string;
  /** Origins allowed to call the API from a browser (`https://app.example.com`); none: no CORS. */
  corsOrigins?: string[];
}

export const EDGE_OPTIONS = Symbol('EDGE_OPTIONS');
