import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidInput } from '../core/errors';

/** A `{param}` of the route; API Gateway guarantees it is there and non-empty. */
export function pathParam(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new InvalidInput('INPUT_TIDAK_VALID', `Bagian alamat "${name}" tidak ada.`);
  return value;
}

/** A query-string value, or undefined when absent or empty. */
export function queryParam(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const value = event.queryStringParameters?.[name];
  return value === undefined || value === '' ? undefined : value;
}
