import { describe, expectTypeOf, it } from 'vitest';
import type * as wire from '../../contract';
import type { AttendanceStatus, Code, Counts, ExcuseKind } from '../../functions/core/attendance';
import type { CheckinStatus } from '../../functions/core/checkin';
import type { ReportRule, Slot, Weekday } from '../../functions/core/config';
import type { Role } from '../../functions/core/roster';
import type { SesiSlot } from '../../functions/core/sesi';
import type { SesiState } from '../../functions/core/sesi-state';

/**
 * The domain's words and the wire's are the same words: core derives its types from its
 * runtime lists (the codes, the excuse kinds…), the contract spells them for the web. The
 * type checker (`npm test` runs tsc on test/) fails here if one side gains a value.
 */
describe('the domain and the wire contract', () => {
  it('name the same statuses, codes and excuse kinds', () => {
    expectTypeOf<CheckinStatus>().toEqualTypeOf<wire.CheckinStatus>();
    expectTypeOf<AttendanceStatus>().toEqualTypeOf<wire.AttendanceStatus>();
    expectTypeOf<Code>().toEqualTypeOf<wire.Code>();
    expectTypeOf<ExcuseKind>().toEqualTypeOf<wire.ExcuseKind>();
    // Counts is an intersection in core and an interface on the wire: the same fields both ways.
    expectTypeOf<Counts>().toMatchTypeOf<wire.Counts>();
    expectTypeOf<wire.Counts>().toMatchTypeOf<Counts>();
  });

  it('name the same roles, slots, weekdays, report rules and sesi states', () => {
    expectTypeOf<Role>().toEqualTypeOf<wire.Role>();
    expectTypeOf<Slot>().toEqualTypeOf<wire.Slot>();
    expectTypeOf<SesiSlot>().toEqualTypeOf<wire.SesiSlot>();
    expectTypeOf<Weekday>().toEqualTypeOf<wire.Weekday>();
    expectTypeOf<ReportRule>().toEqualTypeOf<wire.ReportRule>();
    expectTypeOf<SesiState>().toEqualTypeOf<wire.SesiState>();
  });
});
