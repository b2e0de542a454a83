import { parseArgs } from 'node:util';
import { defaultUsage, estimateMonthlyCost, formatEstimate, type Usage } from './cost-model';

/**
 * `npm run cost -- --asn 3000 [--heads 40] [--poll-seconds 15] [--wfa-days 2] [--region-factor 1.25] [--waf] [--json]`:
 * the expected monthly AWS bill of one stage, item by item (functions/cli/cost-model.ts).
 */
function main(): number {
  const { values } = parseArgs({
    options: {
      asn: { type: 'string' },
      heads: { type: 'string' },
      'poll-seconds': { type: 'string' },
      'wfa-days': { type: 'string' },
      'region-factor': { type: 'string' },
      waf: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log('npm run cost -- --asn 3000 [--heads N] [--poll-seconds 15] [--wfa-days 2] [--region-factor 1.25] [--waf] [--json]');
    return 0;
  }
  const number = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} harus angka lebih dari 0, bukan "${raw}"`);
    return n;
  };
  const asn = number('asn', values.asn) ?? 3000;
  const usage: Usage = { ...defaultUsage(Math.round(asn)) };
  const overrides: [{ [K in keyof Usage]: Usage[K] extends number ? K : never }[keyof Usage], number | undefined][] = [
    ['heads', number('heads', values.heads)],
    ['pollSeconds', number('poll-seconds', values['poll-seconds'])],
    ['wfaDaysPerWeek', number('wfa-days', values['wfa-days'])],
    ['regionFactor', number('region-factor', values['region-factor'])],
  ];
  for (const [key, value] of overrides) if (value !== undefined) usage[key] = value;
  // operations.waf of apel.config.json: `--waf` prices the stage with it on.
  if (values.waf) usage.waf = true;
  const estimate = estimateMonthlyCost(usage);
  console.log(values.json ? JSON.stringify(estimate, null, 2) : formatEstimate(estimate));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
