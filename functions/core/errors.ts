/**
 * Domain errors. Each carries a stable code and an Indonesian message meant for the
 * person holding the phone; `functions/http/errors.ts` is the one place that maps
 * them to HTTP statuses. Anything that is not an AppError is a bug or an outage and
 * never reaches the client with its details.
 */
export abstract class AppError extends Error {
  abstract readonly kind: 'invalid' | 'too_large' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many' | 'unavailable';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInput extends AppError {
  readonly kind = 'invalid';
}

/** The request body is larger than the route accepts (counted in UTF-8 bytes). */
export class TooLarge extends AppError {
  readonly kind = 'too_large';
}

export class Unauthenticated extends AppError {
  readonly kind = 'unauthenticated';
}

export class Forbidden extends AppError {
  readonly kind = 'forbidden';
}

export class NotFound extends AppError {
  readonly kind = 'not_found';
}

/** The request is well-formed but the state of the world refuses it (e.g. the window is closed). */
export class Conflict extends AppError {
  readonly kind = 'conflict';
}

/** The caller (or everyone on a public route) sent more than a bound allows; nothing was recorded, retry after a while. */
export class TooMany extends AppError {
  readonly kind = 'too_many';
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** A dependency is throttled or down; nothing was recorded and the client may retry. */
export class Unavailable extends AppError {
  readonly kind = 'unavailable';
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** No token at all: the page was not opened from a personal link. */
export const linkMissing = () =>
  new Unauthenticated('TAUTAN_TIDAK_ADA', 'Buka aplikasi ini dari tautan pribadi yang dibagikan admin kepegawaian.');

/** An unknown, revoked or replaced link. */
export const linkInvalid = () =>
  new Unauthenticated(
    'TAUTAN_TIDAK_BERLAKU',
    'Tautan ini tidak berlaku lagi (dicabut atau diganti). Minta tautan baru kepada admin kepegawaian.',
  );
