/**
 * What a Lambda bundle has in place of `@aws-sdk/lib-dynamodb`'s index (infra/bundling.ts
 * aliases it here): the document client and its commands, the same modules by path, without
 * the package's paginators and its aggregated `DynamoDBDocument` client, which no function
 * uses. The package does not declare itself free of side effects, so its index kept the
 * paginators' top-level `createPaginator(...)` calls, and with them the Query and Scan
 * commands, in every bundle (0.8 kB gzip of the check-in's). By a path into node_modules
 * because the alias also catches `@aws-sdk/lib-dynamodb/...`; its types are the package's.
 */
// @ts-expect-error The ES build has no declarations beside it; the package's own (dist-types) describe these modules.
export * from '../../node_modules/@aws-sdk/lib-dynamodb/dist-es/commands/index.js';
// @ts-expect-error As above.
export * from '../../node_modules/@aws-sdk/lib-dynamodb/dist-es/DynamoDBDocumentClient.js';
