import { randomBytes } from 'node:crypto';

/**
 * The server's secrets that sign window tickets (core/presence.ts), comma-separated in
 * `APEL_TIKET_SECRETS`: the first signs, all are accepted (so a rotation refuses no ticket
 * made just before it). On AWS they are made at deploy time like the origin secret
 * (infra/constructs/origin-secret.ts: never in the repo, the template or a log); locally
 * `npm start` keeps one in `.data/tiket-secret` (0600). Read once at load.
 */
export const TICKET_SECRETS_ENV = 'APEL_TIKET_SECRETS';

export interface TicketSecrets {
  current: string;
  accepted: string[];
}

export function ticketSecretsFrom(env: NodeJS.ProcessEnv = process.env): TicketSecrets {
  const accepted = (env[TICKET_SECRETS_ENV] ?? '').split(',').filter((s) => s.length >= 32);
  if (accepted.length === 0) {
    if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`${TICKET_SECRETS_ENV} is not set; window tickets cannot be signed`);
    // A handler loaded on its own (a test of one handler): tickets hold within this process.
    const one = randomBytes(32).toString('base64url');
    env[TICKET_SECRETS_ENV] = one;
    return { current: one, accepted: [one] };
  }
  return { current: accepted[0]!, accepted };
}
