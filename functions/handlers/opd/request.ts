import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { authenticate } from '../../http/auth';
import { pathParam } from '../../http/params';
import { opdInScope } from '../../usecases/opd/scope';

/** Every /api/opd/{opd}/… request: who is asking, and the OPD after the role and scope check. */
export async function opdRequest(event: APIGatewayProxyEventV2) {
  const who = await authenticate(event);
  const opd = await opdInScope(who, pathParam(event, 'opd'));
  return { who, opd };
}
