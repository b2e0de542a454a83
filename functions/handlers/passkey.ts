import * as z from 'zod/mini';
import { siteOf } from '../core/passkey';
import { apiFunction } from '../http/api-handler';
import { dispatch } from '../http/dispatch';
import { requireFunctionTables } from '../manifest';
import { ticketSecretsFrom } from '../runtime/ticket-secrets';
import { callerOf } from '../usecases/caller';
import { passkeyOptions, registerPasskey } from '../usecases/passkey';
import { siteUrl } from './admin/site-url';
import { config } from './runtime-config';

/**
 * Registering a passkey (passkey mode, usecases/passkey.ts): its own function, so the WebAuthn
 * library that parses attestations is loaded by nothing an ASN opens every day.
 */

requireFunctionTables('passkey');

const route = apiFunction('passkey', { caller: callerOf });
// The RP id and origin from the site's configured address (never a request header); outside passkey mode the routes refuse.
const settings = { secrets: ticketSecretsFrom(), config, site: config.buktiKehadiran === 'passkey' ? siteOf(siteUrl()) : undefined };
// Their fields are checked by usecases/passkey.ts, each with its own code and message.
const registration = z.object({ tiket: z.unknown(), tanda: z.unknown(), respons: z.unknown() }, { error: 'harus objek JSON seperti {"tiket", "tanda", "respons"}' });

export const handler = dispatch('passkey', [
  route('POST /api/passkey/opsi', {}, async ({ who, now, reply }) => reply(200, await passkeyOptions(who, now, settings))),
  route('POST /api/passkey', { body: registration, maxBodyBytes: 8192 }, async ({ who, body, now, reply }) => reply(201, await registerPasskey(who, body, now, settings))),
]);
