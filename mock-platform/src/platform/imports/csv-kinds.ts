import { newId } from '../../../../shared/ids.ts';
import { skillResource, userResource } from '../../routes/admin-resources.ts';
import type { Store } from '../../store/store.ts';
import type { PlatformContext } from '../context.ts';
import type { Issue } from '../domain-errors.ts';
import type { PlatformSchema } from '../records.ts';
import { booleanColumn, type Column, type CsvLine, jsonColumn, numberColumn, textColumn } from './csv-columns.ts';
import type { AnyResource } from './plan-import.ts';

type Skill = PlatformSchema['skills'];
type User = PlatformSchema['users'];

/** What the CSV import and export need to know of one administrable collection. */
export interface CsvKind<R extends { id: string }> {
  /** The resource's path: `users`, `skills`. */
  path: 'users' | 'skills';
  columns: readonly Column<R>[];
  /** Columns a file must have. */
  required: readonly string[];
  resource(ctx: PlatformContext): AnyResource;
  /** Which row a line changes (by id, or a natural key), or the id a new one gets. */
  identify(line: CsvLine, store: Store<PlatformSchema>): { id: string; existing?: R } | { issue: Issue };
  /** An existing row as a request body: what the columns a file leaves out keep. */
  bodyOf(row: R): Record<string, unknown>;
}

const ID = /^[\w-]{1,64}$/;
const idColumn = <R extends { id: string }>(): Column<R> => ({ name: 'id', write: (row) => row.id });
/** The version of the row the export saw: an import of a row changed since is refused. */
const versionColumn = <R>(): Column<R> => ({ name: 'version', write: (_row, version) => String(version) });

/** An id given in the file, or a new one. */
function byId<R extends { id: string }>(
  line: CsvLine,
  store: Store<PlatformSchema>,
  collection: 'users' | 'skills',
): { id: string; existing?: R } | { issue: Issue } | undefined {
  const id = line.cells.get('id')?.trim() ?? '';
  if (id === '') return undefined;
  if (!ID.test(id)) return { issue: { path: 'id', message: 'must be 1–64 letters, digits, _ or -' } };
  const existing = store.get(collection, id) as R | undefined;
  // An unknown id is the id the new row gets (a configuration copied from another platform).
  return existing ? { id, existing } : { id };
}

const SKILL_LIST = /^\s*([\w-]+)\s*:\s*(\d+)\s*$/;
const SKILLS_FORMAT = 'must be skill:proficiency pairs separated by ;, such as skill_support:8; skill_billing:5';

/** An agent's skills in one cell: `skill_support:8; skill_billing:5`. */
const userSkillsColumn: Column<User> = {
  name: 'skills',
  write: (user) => user.skills.map((skill) => `${skill.skillId}:${skill.proficiency}`).join('; '),
  read: (cell) => {
    const parts = cell.split(';').filter((part) => part.trim() !== '');
    const skills = parts.map((part) => SKILL_LIST.exec(part));
    if (skills.some((match) => !match)) return { issue: SKILLS_FORMAT };
    return { value: skills.map((match) => ({ skillId: match?.[1], proficiency: Number(match?.[2]) })) };
  },
};

export const usersCsv: CsvKind<User> = {
  path: 'users',
  columns: [
    idColumn(),
    textColumn('username', (user) => user.username),
    textColumn('displayName', (user) => user.displayName),
    textColumn('role', (user) => user.role),
    textColumn('roleId', (user) => user.roleId),
    userSkillsColumn,
    numberColumn('capacity', (user) => user.capacity),
    // Never exported: a new user needs one; for an existing one, a password sets a new one.
    { ...textColumn<User>('password', () => ''), importOnly: true },
    versionColumn(),
  ],
  required: ['username'],
  resource: (ctx) => userResource(ctx) as AnyResource,
  identify: (line, store) => {
    const given = byId<User>(line, store, 'users');
    if (given) return given;
    const username = line.cells.get('username')?.trim() ?? '';
    const existing = username ? store.where('users', 'username', username)[0] : undefined;
    return existing ? { id: existing.id, existing } : { id: newId('user') };
  },
  bodyOf: ({ id: _id, passwordHash: _hash, ...user }) => user,
};

export const skillsCsv: CsvKind<Skill> = {
  path: 'skills',
  columns: [
    idColumn(),
    textColumn('name', (skill) => skill.name),
    textColumn('direction', (skill) => skill.direction),
    textColumn('campaign', (skill) => skill.campaign),
    booleanColumn('acceptReject', (skill) => skill.acceptReject),
    numberColumn('rejectCooldownSeconds', (skill) => skill.rejectCooldownSeconds),
    numberColumn('agentResponseSeconds', (skill) => skill.agentResponseSeconds),
    numberColumn('wrapUpSeconds', (skill) => skill.wrapUpSeconds),
    textColumn('defaultClosureReasonId', (skill) => skill.defaultClosureReasonId),
    numberColumn('customerResponseMinutes', (skill) => skill.customerResponseMinutes),
    textColumn('secondarySkillId', (skill) => skill.secondarySkillId),
    numberColumn('queueTimeoutSeconds', (skill) => skill.queueTimeoutSeconds),
    textColumn('queueTimeoutMessage', (skill) => skill.queueTimeoutMessage),
    jsonColumn('queueTimeoutTemplate', (skill) => skill.queueTimeoutTemplate),
    jsonColumn('serviceLevel', (skill) => skill.serviceLevel),
    textColumn('outboundTemplate', (skill) => skill.outboundTemplate),
    textColumn('screenPopUrl', (skill) => skill.screenPopUrl),
    jsonColumn('evaluation', (skill) => skill.evaluation),
    versionColumn(),
  ],
  required: ['name'],
  resource: (ctx) => skillResource(ctx) as AnyResource,
  identify: (line, store) => byId<Skill>(line, store, 'skills') ?? { id: newId('skill') },
  bodyOf: ({ id: _id, ...skill }) => skill,
};
