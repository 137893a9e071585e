// Typed domain errors. Expected outcomes (duplicate, expired link) are values, not errors;
// an AppError is for "this request cannot go on", mapped to a page by the error handler.
export type AppErrorCode = 'not-found' | 'gone' | 'forbidden' | 'unauthorized' | 'bad-request' | 'conflict' | 'payload-too-large';

const STATUS: Record<AppErrorCode, number> = {
  'not-found': 404,
  gone: 410,
  forbidden: 403,
  unauthorized: 401,
  'bad-request': 400,
  conflict: 409,
  'payload-too-large': 413,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
