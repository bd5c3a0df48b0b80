import { api } from '../api.ts';
import { CrudPage, type EditorProps } from '../crud.tsx';
import { useSkills } from '../data.ts';
import { t } from '../i18n.ts';
import type { AdminUser, Role, Skill } from '../types.ts';
import { Checkbox, errorAt, NumberField, SelectField, TextField, useLoad } from '../ui.tsx';

type Draft = {
  username: string;
  displayName: string;
  role: AdminUser['role'];
  roleId: string;
  skills: { skillId: string; proficiency: number }[];
  capacity: number | undefined;
  password: string;
};

/** Users and agents: their one role (RP-2), skills with proficiency, capacity, password. */
export function UsersPage() {
  const roles = useLoad(() => api<Role[]>('/api/admin/roles'));
  const skills = useSkills();
  const roleName = (id: string | undefined) => roles.data?.find((role) => role.id === id)?.name ?? '—';
  const skillName = (id: string) => skills.data?.find((skill) => skill.id === id)?.name ?? id;
  return (
    <CrudPage<AdminUser, Draft>
      title={t('users')}
      intro={<p>{t('usersIntro')}</p>}
      path="users"
      testid="users-page"
      columns={[
        { sort: 'displayName', label: t('displayName'), render: (user) => user.displayName },
        { sort: 'username', label: t('username'), render: (user) => <code>{user.username}</code> },
        { sort: 'role', label: t('kind'), render: (user) => t(user.role) },
        { label: t('role'), render: (user) => (user.role === 'agent' ? roleName(user.roleId) : '—') },
        {
          label: t('skills'),
          render: (user) => user.skills.map((s) => `${skillName(s.skillId)} (${s.proficiency})`).join(', ') || '—',
        },
        { sort: 'capacity', label: t('capacity'), render: (user) => user.capacity },
      ]}
      blank={() => ({
        username: '',
        displayName: '',
        role: 'agent',
        roleId: '',
        skills: [],
        capacity: 3,
        password: '',
      })}
      fromRow={(user) => ({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        roleId: user.roleId ?? '',
        skills: user.skills,
        capacity: user.capacity,
        password: '',
      })}
      toBody={({ password, roleId, ...draft }) => ({
        ...draft,
        ...(draft.role === 'agent' && roleId ? { roleId } : {}),
        ...(password ? { password } : {}),
      })}
      Editor={(props) => <UserEditor {...props} roles={roles.data ?? []} skills={skills.data ?? []} />}
    />
  );
}

function UserEditor({ draft, set, errors, roles, skills }: EditorProps<Draft> & { roles: Role[]; skills: Skill[] }) {
  const patch = (changes: Partial<Draft>) => set({ ...draft, ...changes });
  const held = (skillId: string) => draft.skills.find((s) => s.skillId === skillId);
  return (
    <>
      <TextField
        label={t('username')}
        name="username"
        value={draft.username}
        onChange={(username) => patch({ username })}
        errors={errors}
        autocomplete="off"
      />
      <TextField
        label={t('displayName')}
        name="displayName"
        value={draft.displayName}
        onChange={(displayName) => patch({ displayName })}
        errors={errors}
      />
      <SelectField
        label={t('kind')}
        name="role"
        value={draft.role}
        options={[
          { value: 'agent', label: t('agent') },
          { value: 'supervisor', label: t('supervisor') },
          { value: 'admin', label: t('admin') },
        ]}
        onChange={(role) => patch({ role })}
        errors={errors}
      />
      {draft.role === 'agent' && (
        <>
          <SelectField
            label={t('role')}
            name="roleId"
            value={draft.roleId}
            placeholder={t('chooseRole')}
            options={roles.map((role) => ({ value: role.id, label: role.name }))}
            onChange={(roleId) => patch({ roleId })}
            errors={errors}
            hint={t('oneRoleHint')}
          />
          <fieldset class="checks" data-testid="field-skills">
            <legend>{t('skillsAndProficiency')}</legend>
            {skills.map((skill) => {
              const current = held(skill.id);
              return (
                <div class="skill-row" key={skill.id}>
                  <Checkbox
                    label={skill.name}
                    checked={current !== undefined}
                    testid={`skill-${skill.id}`}
                    onChange={(on) =>
                      patch({
                        skills: on
                          ? [...draft.skills, { skillId: skill.id, proficiency: 5 }]
                          : draft.skills.filter((s) => s.skillId !== skill.id),
                      })
                    }
                  />
                  {current && (
                    <input
                      type="number"
                      min={1}
                      max={10}
                      value={current.proficiency}
                      aria-label={`${t('proficiency')} · ${skill.name}`}
                      data-testid={`proficiency-${skill.id}`}
                      onInput={(event) =>
                        patch({
                          skills: draft.skills.map((s) =>
                            s.skillId === skill.id ? { ...s, proficiency: Number(event.currentTarget.value) } : s,
                          ),
                        })
                      }
                    />
                  )}
                </div>
              );
            })}
            {errorAt(errors, 'skills') && (
              <span class="field-error" role="alert">
                {errorAt(errors, 'skills')}
              </span>
            )}
          </fieldset>
          <NumberField
            label={t('capacity')}
            name="capacity"
            value={draft.capacity}
            onChange={(capacity) => patch({ capacity })}
            errors={errors}
            min={1}
            max={50}
            hint={t('capacityHint')}
          />
        </>
      )}
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autocomplete="new-password"
        value={draft.password}
        onChange={(password) => patch({ password })}
        errors={errors}
        hint={t('passwordHint')}
      />
    </>
  );
}
