import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLES, type TableDef, type TableKey } from '../../functions/store/tables';

/** A table together with the definition it was made from, so grants can also set its env var. */
export interface DataTable {
  readonly def: TableDef;
  readonly table: Table;
}

/**
 * The stateful part of Apel WFA: every DynamoDB table, created from the same `TABLES`
 * the local runtime uses, so cloud and local keys and indexes cannot drift. Kept apart
 * from functions and API so stateless pieces can be refactored or replaced without
 * touching the data.
 */
export class DataTables extends Construct {
  readonly tables: Readonly<Record<TableKey, DataTable>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const keys = Object.keys(TABLES) as TableKey[];
    this.tables = Object.fromEntries(keys.map((key) => [key, this.createTable(TABLES[key])])) as Record<
      TableKey,
      DataTable
    >;
  }

  private createTable(def: TableDef): DataTable {
    const table = new Table(this, def.id, {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      // Traffic is two short spikes a day on WFA days and near zero otherwise:
      // on-demand costs nothing while idle and absorbs the 07:30 spike without tuning.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // Check-ins, recaps and the audit trail must not be lost (design.md):
      // PITR undoes a bad import or bug, RETAIN survives `cdk destroy` or a replacement,
      // and deletion protection stops a delete from the console or CLI.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      // KMS key managed by AWS (aws/dynamodb): key use is logged in CloudTrail,
      // without the cost and care of a customer-managed key.
      encryption: TableEncryption.AWS_MANAGED,
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // The index serves whole items (an OPD's roster, an ASN's history) in one query.
        projectionType: ProjectionType.ALL,
      });
    }
    return { def, table };
  }
}
