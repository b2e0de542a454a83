import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL_ENV } from '../../functions/handlers/admin/site-url';
import { ORIGIN_HEADER, ORIGIN_SECRETS_ENV } from '../../functions/http/origin';
import { TICKET_SECRETS_ENV } from '../../functions/runtime/ticket-secrets';
import { API_FUNCTIONS, ROUTE_KEYS, ROUTES } from '../../functions/http/routes';
import { ROUTE_THROTTLE } from '../../infra/constructs/checkin-api';
import { OriginSecret } from '../../infra/constructs/origin-secret';
import type { ApelWfaStack } from '../../infra/stack';
import { buildStack } from './synth-support';

/**
 * The API is reachable only through CloudFront (a secret origin header made at deploy time,
 * rotatable without refusing anyone), each route has its own throttle, and issued links take
 * the site's address from the stack. One synth for the file; the secret's rotation is checked
 * on the construct alone.
 */

type Resource = { Type: string; Properties?: Record<string, any>; DependsOn?: string | string[] };

let stack: ApelWfaStack;
let resources: Record<string, Resource>;

beforeAll(() => {
  ({ stack } = buildStack('sec'));
  resources = Template.fromStack(stack).toJSON().Resources;
}, 180_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const envOf = (fn: keyof ApelWfaStack['functions']) =>
  resources[stack.getLogicalId(stack.functions[fn].node.defaultChild as CfnFunction)]!.Properties!.Environment.Variables as Record<string, unknown>;
const getAtts = (value: unknown) => [...JSON.stringify(value).matchAll(/\{"Fn::GetAtt":\["([^"]+)","([^"]+)"\]\}/g)].map((m) => `${m[1]}.${m[2]}`);

function apiOrigin(): Record<string, any> {
  const [[, dist]] = ofType('AWS::CloudFront::Distribution') as [[string, Resource]];
  const config = dist.Properties!.DistributionConfig;
  const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
  return config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
}

describe('the origin secret', () => {
  it('is sent by CloudFront to the API as a header whose value is made at deploy time, not written in the template', () => {
    const headers = apiOrigin().OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];

    expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_HEADER]);
    const [sent] = getAtts(headers[0]!.HeaderValue);
    expect(sent).toMatch(/\.RandomPassword$/);
    expect(resources[sent!.split('.')[0]!]!.Type).toBe('Custom::AWS');
    expect(typeof headers[0]!.HeaderValue).not.toBe('string');
  });

  it("comes from Secrets Manager's random-password call, stored nowhere, with the response kept out of the logs", () => {
    const slots = ofType('Custom::AWS').filter(([, r]) => JSON.stringify(r.Properties).includes('getRandomPassword'));

    // Three generations of the origin secret, three of the ticket secret (issue 15).
    expect(slots).toHaveLength(6);
    for (const [id, slot] of slots) {
      for (const request of ['Create', 'Update']) {
        expect(JSON.parse(slot.Properties![request] as string), `${id} ${request}`).toMatchObject({ service: 'SecretsManager', action: 'getRandomPassword', parameters: { PasswordLength: 48, ExcludePunctuation: true }, logApiResponseData: false });
      }
    }
    expect(ofType('AWS::SecretsManager::Secret')).toEqual([]);
  });

  it('is checked by every API function, which accepts the value CloudFront sends and the ones on either side of it', () => {
    const sent = getAtts(apiOrigin().OriginCustomHeaders[0].HeaderValue)[0];

    for (const fn of API_FUNCTIONS) {
      const accepted = getAtts(envOf(fn)[ORIGIN_SECRETS_ENV]);
      expect(accepted, fn).toHaveLength(3);
      expect(accepted, fn).toContain(sent);
    }
    expect(envOf('apelClock')[ORIGIN_SECRETS_ENV]).toBeUndefined();
  });

  it('has a sibling that signs window tickets, given only to the check-in, me and passkey functions, never written in the template', () => {
    // The passkey function makes its registration challenge from a window ticket (issue 15 §2).
    const signers = new Set(['checkin', 'me', 'passkey']);
    for (const fn of API_FUNCTIONS) {
      const value = envOf(fn)[TICKET_SECRETS_ENV];
      if (!signers.has(fn)) {
        expect(value, fn).toBeUndefined();
        continue;
      }
      expect(typeof value, fn).not.toBe('string');
      const parts = getAtts(value);
      expect(parts.every((p) => /\.RandomPassword$/.test(p)), fn).toBe(true);
      expect(new Set(parts).size, fn).toBe(3);
      expect(parts.some((p) => getAtts(apiOrigin().OriginCustomHeaders[0].HeaderValue).includes(p)), fn).toBe(false);
    }
  });
});

describe('rotating the origin secret', () => {
  /** The physical ids (generations) of the three slots, the one CloudFront sends, for a rotation. */
  function secretAt(rotation: number) {
    const stack = new Stack(new App(), 'Rotation');
    const secret = new OriginSecret(stack, 'OriginSecret', { rotation });
    const template = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
    const ids = Object.entries(template)
      .filter(([, r]) => r.Type === 'Custom::AWS')
      .map(([id, r]) => [id, JSON.parse(r.Properties!.Create).physicalResourceId.id as string] as const);
    const sent = getAtts(stack.resolve(secret.current))[0]!.split('.')[0]!;
    return { ids: new Map(ids), sent: ids.find(([id]) => id === sent)![1] };
  }

  it('makes one new value per rotation and sends a value every function accepted before the deploy', () => {
    const before = secretAt(4);
    const after = secretAt(5);

    const changed = [...after.ids].filter(([id, generation]) => before.ids.get(id) !== generation);
    expect(changed).toHaveLength(1);
    expect([...before.ids.values()]).toContain(after.sent); // CloudFront's new value was already accepted
    expect([...after.ids.values()]).toContain(before.sent); // edges still sending the old one are not refused
    expect(after.sent).toMatch(/generation-5$/);
  });
});

describe('per-route throttling', () => {
  const stage = () => ofType('AWS::ApiGatewayV2::Stage')[0]![1];

  it('gives every route of the route table a limit of its own', () => {
    const settings = stage().Properties!.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;

    expect(Object.keys(settings).sort()).toEqual([...ROUTE_KEYS].sort());
    for (const route of ROUTE_KEYS) {
      const { rateLimit, burstLimit } = ROUTE_THROTTLE[ROUTES[route].fn];
      expect(settings[route], route).toEqual({ ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit });
    }
  });

  it('keeps the most for check-ins, so a flood on the heads\', the admin\'s or the ASN page\'s routes cannot starve them', () => {
    const settings = stage().Properties!.RouteSettings;
    const checkin = settings['POST /api/checkins'];

    expect(checkin).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 });
    for (const route of ROUTE_KEYS.filter((r) => r !== 'POST /api/checkins')) {
      expect(settings[route].ThrottlingRateLimit, route).toBeLessThanOrEqual(checkin.ThrottlingRateLimit / 2);
    }
    for (const route of ROUTE_KEYS.filter((r) => ROUTES[r].fn === 'admin' || ROUTES[r].fn === 'opd')) {
      expect(settings[route].ThrottlingRateLimit, route).toBeLessThanOrEqual(25);
    }
  });

  it('deploys the stage after its routes, which route settings need to exist', () => {
    const routeIds = ofType('AWS::ApiGatewayV2::Route').map(([id]) => id);

    expect([stage().DependsOn].flat()).toEqual(expect.arrayContaining(routeIds));
  });
});

describe("issued links' address", () => {
  it("is the stack's site URL, given to the admin function, which issues them", () => {
    const env = envOf('admin')[SITE_URL_ENV];

    expect(env).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^WebSiteDistribution/), 'DomainName'] }]] });
    expect(resources.SiteUrl).toBeUndefined();
  });

  it('makes no dependency cycle (admin function -> distribution -> API -> functions)', () => {
    const edges = new Map<string, Set<string>>();
    for (const [id, r] of Object.entries(resources)) {
      const text = JSON.stringify(r.Properties ?? {});
      const refs = [...text.matchAll(/\{"Ref":"([^"]+)"\}/g), ...text.matchAll(/\{"Fn::GetAtt":\["([^"]+)"/g)].map((m) => m[1]!);
      edges.set(id, new Set([...refs, ...[r.DependsOn ?? []].flat()].filter((d) => d in resources)));
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycle: string[] = [];
    const visit = (id: string): boolean => {
      if (state.get(id) === 'done') return false;
      if (state.get(id) === 'visiting') return cycle.push(id) > 0;
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) if (visit(next)) return cycle.push(id) > 0;
      state.set(id, 'done');
      return false;
    };

    for (const id of edges.keys()) expect(visit(id), cycle.reverse().join(' -> ')).toBe(false);
  });
});
