import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_FUNCTIONS, ROUTE_KEYS, ROUTES } from '../../functions/http/routes';
import { FUNCTION_NAMES, FUNCTIONS, functionsTriggeredBy, requireFunctionTables, routesOfFunction, tablesOf } from '../../functions/manifest';
import { TABLES } from '../../functions/store/tables';
import { HANDLERS_DIR, REPO_ROOT } from '../../infra/paths';
import { buildStack } from './synth-support';

const FUNCTIONS_DIR = join(REPO_ROOT, 'functions');

describe('the function manifest', () => {
  it('has an API function for every function the route table names, and each serves at least one route', () => {
    expect(functionsTriggeredBy('api').sort()).toEqual([...API_FUNCTIONS].sort());
    for (const name of functionsTriggeredBy('api')) expect(routesOfFunction(name).length, name).toBeGreaterThan(0);
    // Together they serve every route, each exactly once.
    expect(FUNCTION_NAMES.flatMap(routesOfFunction).sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('runs the apel clock, and only it, every minute, on no route', () => {
    expect(functionsTriggeredBy('every-minute')).toEqual(['apelClock']);
    expect(routesOfFunction('apelClock')).toEqual([]);
    expect(Object.values(ROUTES).map((r) => r.fn)).not.toContain('apelClock');
  });

  it('names a handler file that exists for every function', () => {
    for (const name of FUNCTION_NAMES) expect(existsSync(join(HANDLERS_DIR, `${FUNCTIONS[name].entry}.ts`)), name).toBe(true);
  });

  it('gives every function at least one table, and only tables of store/tables.ts', () => {
    for (const name of FUNCTION_NAMES) {
      expect(tablesOf(name).length, name).toBeGreaterThan(0);
      for (const [table] of tablesOf(name)) expect(Object.keys(TABLES), name).toContain(table);
    }
  });
});

describe('requireFunctionTables', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('passes when every table the manifest gives the function has its env var', () => {
    // Prepare: the per-file setup points every table at this file's local tables.
    // Act / Assert
    for (const name of FUNCTION_NAMES) expect(() => requireFunctionTables(name)).not.toThrow();
  });

  it('fails naming the env var of a missing table of the function, and ignores tables it does not use', () => {
    // Prepare: the check-in function has no Roster table; take its Checkins table away too.
    delete process.env[TABLES.roster.envVar];
    delete process.env[TABLES.checkins.envVar];

    // Act / Assert
    expect(() => requireFunctionTables('checkin')).toThrow(TABLES.checkins.envVar);
    expect(() => requireFunctionTables('schedule')).not.toThrow();
  });
});

describe('the stack, built from the manifest', () => {
  it('sets on each function the env vars of exactly its manifest tables, with its memory and time-out', () => {
    // Prepare / Act
    const { stack } = buildStack('manifest');

    // Assert
    expect(Object.keys(stack.functions).sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const name of FUNCTION_NAMES) {
      const cfn = stack.functions[name].node.defaultChild as CfnFunction;
      const env = stack.resolve(cfn.environment) as { variables: Record<string, unknown> };
      const tableVars = Object.keys(env.variables).filter((v) => v.startsWith('TABLE_'));
      expect(tableVars.sort(), name).toEqual(tablesOf(name).map(([t]) => TABLES[t].envVar).sort());
      expect(cfn.memorySize, name).toBe(FUNCTIONS[name].memoryMb);
      expect(cfn.timeout, name).toBe(FUNCTIONS[name].timeoutSeconds);
      expect(cfn.description, name).toBe(FUNCTIONS[name].description);
    }
  });
});

/** Relative imports (static, re-exports and dynamic with a literal start) of every .ts file under functions/. */
function importsUnderFunctions(): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*(?:\/\*.*?\*\/\s*)?)['"`](\.{1,2}\/[^'"`$]*)/g)) {
          edges.push({ from: relative(REPO_ROOT, path), to: relative(REPO_ROOT, resolve(dirname(path), m[1]!)) });
        }
      }
    }
  };
  walk(FUNCTIONS_DIR);
  return edges;
}

describe('import arrows', () => {
  const edges = importsUnderFunctions();

  it('finds the imports it checks', () => {
    expect(edges.some((e) => e.from === 'functions/local/app.ts' && e.to.startsWith('functions/handlers'))).toBe(true);
  });

  it('runs from infra/ to functions/, never back', () => {
    expect(edges.filter((e) => e.to.startsWith('infra/'))).toEqual([]);
  });

  it('runs one way between cli/ and local/: the local runtime may use the admin commands, the commands never import the runtime', () => {
    expect(edges.filter((e) => e.from.startsWith('functions/cli/') && e.to.startsWith('functions/local/'))).toEqual([]);
  });
});

describe('each handler checks its own tables at load', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  it.each(FUNCTION_NAMES)('%s fails at cold start, naming the env var, when its last table is not bound', async (name) => {
    const [last] = tablesOf(name).at(-1)!;
    delete process.env[TABLES[last].envVar];
    vi.resetModules();
    await expect(import(join(HANDLERS_DIR, `${FUNCTIONS[name].entry}.ts`))).rejects.toThrow(TABLES[last].envVar);
  });
});
