import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../core/errors';
import type { Passkey } from '../core/passkey';
import type { TransactItem } from './batch';
import { db } from './client';
import type { Link } from './link-store';
import { guarded } from './outage';
import { keys, tableName } from './tables';

/**
 * A link's passkey (passkey mode, core/passkey.ts): kept on the link item, so a check-in reads
 * it with the link at no extra request; the OPD's marker of a bound ASN notes it, so the head's
 * roll counts who checks in with a fingerprint.
 */

/**
 * The check-in's companion write when the authenticator counts its signatures: the link's
 * counter goes up to `counter`, on condition that it was lower and the passkey is still the one
 * that signed (store/checkin-store.ts recordCheckinAndBind runs it with the check-in's put).
 */
export function passkeyCounterAction(link: Pick<Link, 'tokenHash'>, id: string, counter: number): TransactItem {
  return {
    Update: {
      TableName: tableName('links'),
      Key: keys.link(link.tokenHash),
      UpdateExpression: 'SET passkey.n = :n',
      ConditionExpression: 'passkey.id = :id AND passkey.n < :n',
      ExpressionAttributeValues: { ':id': id, ':n': counter },
    },
  };
}

/**
 * Registers `passkey` for the link (replacing an earlier one), on condition that the link is
 * still bound to the phone that asked (`kid`); else 409 PERANGKAT_LAIN, nothing written.
 */
export async function savePasskey(link: Pick<Link, 'tokenHash' | 'nip' | 'opd'>, kid: string, passkey: Passkey): Promise<void> {
  try {
    await guarded(() =>
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName('links'),
                Key: keys.link(link.tokenHash),
                UpdateExpression: 'SET passkey = :p',
                ConditionExpression: 'attribute_exists(pk) AND perangkat.kid = :kid',
                ExpressionAttributeValues: { ':p': { id: passkey.id, k: passkey.key, alg: passkey.alg, n: passkey.counter, at: passkey.at }, ':kid': kid },
              },
            },
            {
              Update: {
                TableName: tableName('records'),
                Key: keys.deviceBound(link.opd, link.nip),
                UpdateExpression: 'SET passkey = :at, nip = :nip',
                ExpressionAttributeValues: { ':at': passkey.at, ':nip': link.nip },
              },
            },
          ],
        }),
      ),
    );
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
      throw new Conflict('PERANGKAT_LAIN', 'Tautan ini terikat ke ponsel lain: sidik jari hanya bisa didaftarkan dari ponsel yang terikat. Muat ulang halaman.');
    }
    throw e;
  }
}
